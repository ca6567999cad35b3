// The metafield a mapping is mirrored to: the store's namespace, key `sync`, type json, holding
// the same shape the sandbox seeds and earlier Synco installs left behind.
import type { SyncMapping } from "@/db/schema/mappings";
import { toShopifyGid } from "@/lib/shopify/gid";

export const SYNC_METAFIELD_KEY = "sync";

export type MirroredMapping = Pick<
  SyncMapping,
  "resourceType" | "shopifyId" | "odooId" | "odooInvoiceId" | "status" | "syncedAt" | "lastError" | "version"
>;

export type MetafieldsSetInput = { ownerId: string; namespace: string; key: string; type: "json"; value: string };

// Shopify writes times to the second; so does the seed.
const shopifyTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export function syncMetafieldValue(row: MirroredMapping): Record<string, unknown> {
  return {
    ...(row.odooId !== null ? { odoo_id: row.odooId } : {}),
    ...(row.resourceType === "order" && row.odooInvoiceId !== null ? { odoo_invoice_id: row.odooInvoiceId } : {}),
    status: row.status,
    synced_at: row.syncedAt ? shopifyTime(row.syncedAt) : null,
    ...(row.status === "failed" ? { error: row.lastError ?? "Sync failed" } : {}),
  };
}

export function syncMetafieldInput(row: MirroredMapping, namespace: string): MetafieldsSetInput {
  return {
    ownerId: toShopifyGid(row.resourceType, row.shopifyId),
    namespace,
    key: SYNC_METAFIELD_KEY,
    type: "json",
    value: JSON.stringify(syncMetafieldValue(row)),
  };
}

// metafieldsSet costs 10 plus a weight per owner (Shopify's changelog; the sandbox prices it so).
const OWNER_WEIGHT = { order: 10, product: 4, customer: 1 } as const;
export const metafieldsSetCost = (rows: MirroredMapping[]) =>
  10 + rows.reduce((sum, row) => sum + OWNER_WEIGHT[row.resourceType], 0);
