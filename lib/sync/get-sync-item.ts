// One item of the index with its full mapping (the drawer): Odoo ids, error, and whether Shopify
// shows the mapping in its metafield yet. 404 for an item the index does not hold.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notFound } from "@/lib/http/app-error";
import { findStore } from "@/lib/mappings/find-store";
import { parseShopifyId } from "@/lib/mappings/resource-types";
import type { TSyncItemDetail, TSyncResourceType } from "./schemas";
import { SYNC_ITEM_COLUMNS, SYNC_ITEM_JOIN, toSyncItem, type SyncItemRow } from "./sync-item-row";

type DetailRow = SyncItemRow & {
  status: "synced" | "failed" | null;
  mirror_state: "pending" | "done" | "failed" | null;
  mirror_error: string | null;
  mirrored_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export async function getSyncItem({ storeId, organizationId, type, shopifyId }: { storeId: string; organizationId: string; type: TSyncResourceType; shopifyId: string }): Promise<{ item: TSyncItemDetail }> {
  await findStore({ storeId, organizationId });
  const id = parseShopifyId(type, shopifyId);
  if (id === null) throw notFound("Item");
  const { rows } = await db.execute<DetailRow>(sql`
    select ${SYNC_ITEM_COLUMNS}, m.status, m.mirror_state, m.mirror_error, m.mirrored_at, m.created_at, m.updated_at
    from ${SYNC_ITEM_JOIN}
    where i.store_id = ${storeId} and i.resource_type = ${type} and i.shopify_id = ${id}`);
  const row = rows[0];
  if (!row) throw notFound("Item");
  const mapping = row.status
    ? {
        status: row.status,
        odooId: row.odoo_id === null ? null : Number(row.odoo_id),
        odooInvoiceId: row.odoo_invoice_id === null ? null : Number(row.odoo_invoice_id),
        syncedAt: iso(row.synced_at),
        lastError: row.last_error,
        mirror: { state: row.mirror_state!, error: row.mirror_error, mirroredAt: iso(row.mirrored_at) },
        createdAt: iso(row.created_at)!,
        updatedAt: iso(row.updated_at)!,
      }
    : null;
  return { item: { ...toSyncItem(type, row), mapping } };
}
