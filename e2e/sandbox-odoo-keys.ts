// Creates an API key for a user of a sandbox Odoo database, as a person does in Odoo (Preferences
// → Account Security → New API Key): the e2e suite cannot see the keys the app keeps sealed, so it
// writes the key the way the sandbox stores it (index + SHA-256) in the e2e database directly.
// Local databases only (assert-local-database.ts); the sandbox checks keys afresh per new key.
import pg from "pg";
import { apiKeyIndex, hashApiKey, newApiKey } from "../lib/sandbox/odoo/auth/secrets";
import { assertLocalDatabase } from "./assert-local-database";
import { e2eDatabaseUrl } from "./sandbox-faults";

/** A new API key for the user with this login in the sandbox Odoo database; returns the key. */
export async function createSandboxOdooKey(databaseName: string, login: string): Promise<string> {
  const url = e2eDatabaseUrl();
  assertLocalDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ database_id: number; id: number }>(
      `select r.database_id, r.id from sandbox_odoo_records r join sandbox_odoo_databases d on d.id = r.database_id
       where d.name = $1 and r.model = 'res.users' and r.vals->>'login' = $2`,
      [databaseName, login],
    );
    if (!rows[0]) throw new Error(`no user ${login} in sandbox Odoo database ${databaseName}`);
    const key = newApiKey();
    await client.query(
      `insert into sandbox_odoo_api_keys (database_id, uid, name, index, key_hash) values ($1, $2, 'e2e', $3, $4)`,
      [rows[0].database_id, rows[0].id, apiKeyIndex(key), hashApiKey(key)],
    );
    return key;
  } finally {
    await client.end();
  }
}
