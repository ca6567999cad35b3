// One item with its full mapping (the drawer): Odoo ids, error, and whether Shopify shows the
// mapping in its metafield yet. An item deleted in Shopify has left the index but keeps its
// mapping, so either side is enough; 404 when neither holds it.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";
import { parseShopifyId } from "@/lib/shopify/gid";
import { findStore } from "@/lib/stores/find-store";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { TSyncItemResponse } from "./schemas";
import { MAPPED_ITEM_COLUMNS, toSyncItem, type SyncItemRow } from "./sync-item-row";

type DetailRow = SyncItemRow & {
  status: "synced" | "failed" | null;
  mirrored_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export async function getSyncItem({
  storeId,
  organizationId,
  type,
  shopifyId,
}: {
  storeId: string;
  organizationId: string;
  type: ResourceType;
  shopifyId: string;
}): Promise<TSyncItemResponse> {
  await findStore({ storeId, organizationId });
  const id = parseShopifyId(type, shopifyId);
  if (id === null) throw notFound("Item");
  const { rows } = await db.execute<DetailRow>(sql`
    select ${MAPPED_ITEM_COLUMNS}, m.status, m.mirrored_at, m.created_at, m.updated_at
    from (select * from shopify_index_items where store_id = ${storeId} and resource_type = ${type} and shopify_id = ${id}) i
    full join (select * from sync_mappings where store_id = ${storeId} and resource_type = ${type} and shopify_id = ${id}) m on true`);
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
