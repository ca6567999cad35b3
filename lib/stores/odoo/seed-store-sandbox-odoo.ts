// A sandbox store's two sides made to agree: what its sandbox Shopify says was synced is written
// into its sandbox Odoo, at the Odoo ids the sync state names, in one transaction (the Shopify
// side stages its synced items as temp tables, the Odoo side reads them; each sandbox through its
// provisioning module only). Run after the shop is seeded; a second run changes nothing.
import "server-only";
import { db } from "@/db/client";
import { stores } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import {
  analyzeSandboxOdooRecords,
  seedSandboxOdooFromStaged,
  type SeededOdooCounts,
} from "@/lib/sandbox/odoo/provisioning";
import { stageSandboxSyncedItems } from "@/lib/sandbox/shopify/provisioning";
import { findOdooConnection } from "./odoo-connection";

export async function seedStoreSandboxOdoo({
  shopDomain,
  namespace,
  odooDatabase,
}: {
  shopDomain: string;
  namespace: string;
  odooDatabase: string;
}): Promise<{ seeded: boolean; counts: SeededOdooCounts | null }> {
  const result = await db.transaction(async (tx) => {
    await stageSandboxSyncedItems(tx, { shopDomain, namespace });
    return seedSandboxOdooFromStaged(tx, { database: odooDatabase });
  });
  if (result.counts && result.counts.orderLines + result.counts.invoiceLines > 10_000)
    await analyzeSandboxOdooRecords(db);
  return result;
}

/**
 * The `sandbox.seed-odoo` job: a seeded sandbox store's sandbox Odoo made to agree with it. Nothing
 * to do for a store gone meanwhile or no longer connected to its sandbox Odoo.
 */
export async function seedSeededStoreSandboxOdoo(target: { storeId: string; organizationId: string }) {
  const [store] = await db.select().from(stores).where(storeScope(target));
  if (!store || store.kind !== "sandbox") return null;
  const connection = await findOdooConnection(store);
  if (!connection?.sandbox) return null;
  return seedStoreSandboxOdoo({
    shopDomain: store.shopDomain,
    namespace: store.metafieldNamespace,
    odooDatabase: connection.database,
  });
}
