// The database a benchmark runs on: with DATABASE_URL, that one (its size then includes whatever
// else it holds); otherwise a fresh `synco_bench` database on the embedded PostgreSQL, dropped and
// recreated each run so the reported size is the benchmark's own.
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";

export type BenchDatabase = { url: string; dedicated: boolean; stop: () => Promise<void> };

export async function openBenchDatabase({ root }: { root: string }): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) {
    await migrateDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, dedicated: false, stop: async () => {} };
  }
  const dataDir = path.resolve(root, process.env.SYNCO_DATA_DIR ?? ".data");
  const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.SYNCO_PG_PORT ?? 54329) });
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query("drop database if exists synco_bench with (force)");
  await admin.end();
  await ensureDatabase(server.adminUrl, "synco_bench");
  const url = server.urlFor("synco_bench");
  await migrateDatabase(url);
  return { url, dedicated: true, stop: server.stop };
}
