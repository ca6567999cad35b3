// `npm run sandbox:odoo`: the sandbox Odoo as a standalone server (benchmarks, or any Odoo client),
// on the same database as the app. It stops with its npm process (lib/runtime/stop-with-parent).
//   npm run sandbox:odoo                                   serve on SANDBOX_ODOO_PORT (4200)
//   npm run sandbox:odoo -- --database demo --version 17   also create that database (or a new
//                                                          administrator key) and print the key
// Each database's server root is http://127.0.0.1:<port>/api/sandbox/odoo/<database>; the
// server's own root answers too, the database being the one a call names.
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/runtime/database";
import { stopWithParent } from "../lib/runtime/stop-with-parent";

const { values } = parseArgs({ options: { database: { type: "string" }, version: { type: "string", default: "19" } } });
const dataDir = path.resolve(process.env.SYNCO_DATA_DIR ?? ".data");
const port = Number(process.env.SANDBOX_ODOO_PORT ?? 4200);
const host = process.env.SANDBOX_ODOO_HOST ?? "127.0.0.1";

async function main() {
  const database = await openDatabase({ dataDir });
  // db/client connects lazily from DATABASE_URL, so it must be set before the sandbox is loaded.
  process.env.DATABASE_URL = database.url;
  const { closeDb } = await import("../db/client");
  const { serveSandboxOdoo } = await import("../lib/sandbox/odoo/serve-sandbox-odoo");
  if (values.database) await prepareDatabase(values.database, Number(values.version));
  const server = await serveSandboxOdoo({ port, host });
  console.log(`[sandbox-odoo] serving ${server.url}/api/sandbox/odoo/<database> (and ${server.url}/ for any database)`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await closeDb();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  stopWithParent(() => void stop());
}

async function prepareDatabase(name: string, version: number) {
  const { findDatabase } = await import("../lib/sandbox/odoo/auth/find-database");
  const { createSandboxOdooDatabase } = await import("../lib/sandbox/odoo/create-sandbox-odoo-database");
  const { createSandboxOdooApiKey } = await import("../lib/sandbox/odoo/create-sandbox-odoo-api-key");
  const { defaultOdooDb } = await import("../lib/sandbox/odoo/odoo-db");
  const existing = await findDatabase(defaultOdooDb, name);
  const key = existing
    ? await createSandboxOdooApiKey({ databaseId: existing.id, uid: 2, name: "sandbox:odoo" })
    : (await createSandboxOdooDatabase({ name, version: version as 16 | 17 | 18 | 19 })).apiKey;
  console.log(`[sandbox-odoo] database ${name} (Odoo ${existing?.version ?? version}): login admin, API key ${key}`);
}

main().catch((err: unknown) => {
  console.error(`[sandbox-odoo] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
