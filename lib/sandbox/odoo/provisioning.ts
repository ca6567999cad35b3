// The sandbox Odoo's one door for the product: the HTTP handler the app mounts it with. As for
// the sandbox Shopify (lib/sandbox/shopify/provisioning.ts), a lint rule holds the product to this
// module and the sandbox to its own files and tables. Also: a sandbox Odoo for a sandbox store (a
// database with a user and API key), and its seeding from the store's synced items.
import type { SandboxOdooVersion } from "@/db/schema/sandbox-odoo";
import type { HandleSandboxOdooRequestOptions } from "./handle-sandbox-odoo-request";
import type { OdooDb } from "./odoo-db";
import type { SeededOdooCounts } from "./seed-from-synced-items";

/** The sandbox Odoo's HTTP surface, loaded on first use. */
export async function handleSandboxOdooRequest(
  req: Request,
  options?: HandleSandboxOdooRequestOptions,
): Promise<Response> {
  const { handleSandboxOdooRequest: handle } = await import("./handle-sandbox-odoo-request");
  return handle(req, options);
}

export type { SandboxOdooVersion } from "@/db/schema/sandbox-odoo";
export type { SeededOdooCounts } from "./seed-from-synced-items";
export const SANDBOX_ODOO_VERSIONS = [16, 17, 18, 19] as const;

export type SandboxOdooConnection = {
  /** The server root on the app that serves it: `/api/sandbox/odoo/<database>`. */
  path: string;
  database: string;
  login: string;
  /** The API key of the user the product acts as, shown once (only its hash is kept). */
  apiKey: string;
};

/**
 * A new sandbox Odoo for a sandbox store: its own database of the given version, and a user with
 * the rights a sync needs (contacts, products, sales, invoicing) and an API key.
 */
export async function createSandboxOdoo({
  database,
  version,
  companyName,
}: {
  database: string;
  version: SandboxOdooVersion;
  companyName?: string;
}): Promise<SandboxOdooConnection> {
  const { createSandboxOdooDatabase } = await import("./create-sandbox-odoo-database");
  const { createSandboxOdooUser } = await import("./create-sandbox-odoo-user");
  await createSandboxOdooDatabase({ name: database, version, companyName });
  const login = "synco@example.com";
  const { apiKey } = await createSandboxOdooUser({
    databaseName: database,
    login,
    name: "Synco",
    // Sales Administrator implies Salesman in Odoo; the sandbox has no implied groups, so both are given.
    groups: [
      "base.group_partner_manager",
      "sales_team.group_sale_salesman",
      "sales_team.group_sale_manager",
      "account.group_account_invoice",
    ],
  });
  return { path: `/api/sandbox/odoo/${encodeURIComponent(database)}`, database, login, apiKey };
}

/**
 * In the caller's transaction, after the sandbox Shopify staged a store's synced items
 * (stageSandboxSyncedItems): writes the Odoo records they point to into `database`
 * (lib/sandbox/odoo/seed-from-synced-items.ts). A database already seeded is left as it is.
 */
export async function seedSandboxOdooFromStaged(
  tx: OdooDb,
  { database }: { database: string },
): Promise<{ seeded: boolean; counts: SeededOdooCounts | null }> {
  const { findDatabase } = await import("./auth/find-database");
  const { seedFromSyncedItems } = await import("./seed-from-synced-items");
  const found = await findDatabase(tx, database);
  if (!found) throw new Error(`sandbox Odoo database ${database} does not exist`);
  const { sql } = await import("drizzle-orm");
  const already = await tx.execute(sql`
    select 1 from sandbox_odoo_records where database_id = ${found.id} and model = 'sale.order' limit 1`);
  if (already.rows.length > 0) return { seeded: false, counts: null };
  // The records are consistent by construction: when the database user may, skip the per-row
  // foreign-key trigger (database_id) for this transaction, as the Shopify seed does.
  await tx
    .transaction((savepoint) => savepoint.execute(sql`set local session_replication_role = replica`))
    .catch(() => {});
  await tx.execute(sql`set local work_mem = '64MB'`);
  const counts = await seedFromSyncedItems(tx, found);
  await tx
    .transaction((savepoint) => savepoint.execute(sql`set local session_replication_role = origin`))
    .catch(() => {});
  return { seeded: true, counts };
}

/** Fresh planner statistics for the sandbox Odoo's records after a large seeding. */
export async function analyzeSandboxOdooRecords(db: OdooDb): Promise<void> {
  const { sql } = await import("drizzle-orm");
  await db.execute(sql`analyze sandbox_odoo_records`);
}
