// Makes a sandbox shop misbehave on purpose, as the sandbox's faults endpoint does for a caller
// holding the shop's token: the e2e suite has no token (the app keeps it sealed), so it writes the
// shop's faults row in the e2e database directly. Local databases only (assert-local-database.ts);
// the sandbox reads faults afresh within its 2 s cache.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { assertLocalDatabase } from "./assert-local-database";
import {
  storedFaults,
  ZSandboxFaultsInput,
  type TSandboxFaultsInput,
} from "../lib/sandbox/shopify/faults/sandbox-faults";

export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const password = readFileSync(path.resolve(process.env.SYNCO_DATA_DIR ?? ".data", "pg-password"), "utf8").trim();
  const port = process.env.SYNCO_PG_PORT ?? "54329";
  return `postgres://synco:${encodeURIComponent(password)}@127.0.0.1:${port}/synco_e2e`;
}

/** Replaces the faults of the sandbox shop with this domain; null clears them. */
export async function setSandboxShopFaults(shopDomain: string, faults: TSandboxFaultsInput | null): Promise<void> {
  const url = e2eDatabaseUrl();
  assertLocalDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("select id from sandbox_shopify_shops where domain = $1", [
      shopDomain,
    ]);
    if (!rows[0]) throw new Error(`no sandbox shop ${shopDomain}`);
    if (faults === null) {
      await client.query("delete from sandbox_shopify_faults where shop_id = $1", [rows[0].id]);
      return;
    }
    const settings = storedFaults(ZSandboxFaultsInput.parse(faults));
    await client.query(
      `insert into sandbox_shopify_faults (shop_id, settings) values ($1, $2)
       on conflict (shop_id) do update set settings = excluded.settings, updated_at = now()`,
      [rows[0].id, JSON.stringify(settings)],
    );
  } finally {
    await client.end();
  }
}
