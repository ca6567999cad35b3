// Resolves the PostgreSQL the process uses: DATABASE_URL when set, otherwise the embedded server.
import { ensureDatabase, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";

export type OpenedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function openDatabase(options: {
  dataDir: string;
  databaseName?: string;
  log?: (line: string) => void;
}): Promise<OpenedDatabase> {
  const external = process.env.DATABASE_URL;
  let opened: OpenedDatabase;
  if (external) {
    opened = { url: external, embedded: false, stop: async () => {} };
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      // A port chosen explicitly must be used; the default gives way to whatever already holds it.
      port: Number(process.env.SYNCO_PG_PORT ?? 54329),
      strictPort: process.env.SYNCO_PG_PORT !== undefined,
      log: options.log,
    });
    const name = options.databaseName ?? process.env.SYNCO_DB_NAME ?? "synco";
    await ensureDatabase(server.adminUrl, name);
    opened = { url: server.urlFor(name), embedded: true, stop: server.stop };
  }
  await migrateDatabase(opened.url);
  return opened;
}
