// Tests only: the sync state a seeded store carries in its metafields (namespace of the store, key
// `sync`), item by item, read straight from the sandbox's tables — what the product must find
// through the Admin API. Works for any shop, not only seeded ones.
import { and, asc, eq, gt } from "drizzle-orm";
import { sandboxShopifyMetafields as metafields } from "@/db/schema/sandbox-shopify";
import { toGid } from "../gid";
import { defaultSandboxDb, type SandboxDb } from "../sandbox-db";

export type SandboxSyncRecord = {
  resourceType: "order" | "customer" | "product";
  shopifyId: string;
  odooId: number | null;
  odooInvoiceId: number | null;
  status: "synced" | "failed";
  error: string | null;
  syncedAt: string | null;
};

const TYPES = {
  ORDER: ["order", "Order"],
  CUSTOMER: ["customer", "Customer"],
  PRODUCT: ["product", "Product"],
} as const;

export type StreamSandboxSyncStateOptions = {
  shopId: number;
  namespace?: string;
  key?: string;
  batchSize?: number;
  db?: SandboxDb;
};

export async function* streamSandboxSyncState({
  shopId,
  namespace = "synco",
  key = "sync",
  batchSize = 1000,
  db = defaultSandboxDb,
}: StreamSandboxSyncStateOptions): AsyncGenerator<SandboxSyncRecord> {
  for (let after = 0; ;) {
    const rows = await db
      .select({
        id: metafields.id,
        ownerType: metafields.ownerType,
        ownerId: metafields.ownerId,
        value: metafields.value,
      })
      .from(metafields)
      .where(
        and(
          eq(metafields.shopId, shopId),
          eq(metafields.namespace, namespace),
          eq(metafields.key, key),
          gt(metafields.id, after),
        ),
      )
      .orderBy(asc(metafields.id))
      .limit(batchSize);
    for (const row of rows) {
      const type = TYPES[row.ownerType as keyof typeof TYPES];
      if (!type) continue;
      const value = parse(row.value);
      yield {
        resourceType: type[0],
        shopifyId: toGid(type[1], row.ownerId),
        odooId: typeof value.odoo_id === "number" ? value.odoo_id : null,
        odooInvoiceId: typeof value.odoo_invoice_id === "number" ? value.odoo_invoice_id : null,
        status: value.status === "synced" ? "synced" : "failed",
        error: typeof value.error === "string" ? value.error : null,
        syncedAt: typeof value.synced_at === "string" ? value.synced_at : null,
      };
    }
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}

function parse(value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
