// What the e2e suite reads and sets in a sandbox store's own sandbox Odoo (its database is named
// like the shop: sandbox-<hex>): the number of records per model — the figure that must not move
// when a re-sync or a restore re-links instead of creating — and added latency, so a sync is still
// under way while the test watches it. Written in the e2e database directly, as sandbox-faults.ts
// does for the shop; local databases only.
import pg from "pg";
import { ZSandboxOdooFaultsInput } from "../lib/sandbox/odoo/faults/sandbox-odoo-faults";
import { assertLocalDatabase } from "./assert-local-database";
import { e2eDatabaseUrl } from "./sandbox-faults";

const MODELS = ["res.partner", "product.template", "product.product", "sale.order", "account.move"];

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = e2eDatabaseUrl();
  assertLocalDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseOf = (shopDomain: string) => shopDomain.replace(/\.myshopify\.com$/, "");

/** Records per model in the shop's sandbox Odoo. */
export async function sandboxOdooCounts(shopDomain: string): Promise<Record<string, number>> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ model: string; n: number }>(
      `select r.model, count(*)::int as n from sandbox_odoo_records r join sandbox_odoo_databases d on d.id = r.database_id
       where d.name = $1 and r.model = any($2) group by r.model order by r.model`,
      [databaseOf(shopDomain), MODELS],
    );
    return Object.fromEntries(rows.map((row) => [row.model, Number(row.n)]));
  });
}

/** Every call to the shop's sandbox Odoo delayed by `latencyMs`; null takes the delay away. */
export async function setSandboxOdooLatency(shopDomain: string, latencyMs: number | null): Promise<void> {
  await withClient(async (client) => {
    const { rows } = await client.query<{ id: number }>("select id from sandbox_odoo_databases where name = $1", [
      databaseOf(shopDomain),
    ]);
    if (!rows[0]) throw new Error(`no sandbox Odoo for ${shopDomain}`);
    if (latencyMs === null) {
      await client.query("delete from sandbox_odoo_faults where database_id = $1", [rows[0].id]);
      return;
    }
    await client.query(
      `insert into sandbox_odoo_faults (database_id, settings) values ($1, $2)
       on conflict (database_id) do update set settings = excluded.settings, updated_at = now()`,
      [rows[0].id, JSON.stringify(ZSandboxOdooFaultsInput.parse({ latencyMs }))],
    );
  });
}
