// One row of the index joined with its mapping, as the lists and the drawer show it.
import { sql } from "drizzle-orm";
import { toShopifyGid } from "@/lib/shopify/gid";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { TSyncItem } from "./schemas";

export type SyncItemRow = {
  shopify_id: string;
  title: string;
  email: string | null;
  skus: string[];
  order_name: string | null;
  /** Null when the mapping's item is not in the index (deleted in Shopify). */
  shopify_updated_at: Date | null;
  sync_status: "synced" | "failed" | null;
  odoo_id: string | null;
  odoo_invoice_id: string | null;
  synced_at: Date | null;
  last_error: string | null;
  mirror_state: "pending" | "done" | "failed" | null;
  mirror_error: string | null;
};

/** The columns SyncItemRow reads, from `shopify_index_items i left join sync_mappings m`. */
export const SYNC_ITEM_COLUMNS = sql.raw(
  "i.shopify_id, i.title, i.email, i.skus, i.order_name, i.shopify_updated_at, i.sync_status, m.odoo_id, m.odoo_invoice_id, m.synced_at, m.last_error, m.mirror_state, m.mirror_error",
);

export const SYNC_ITEM_JOIN = sql.raw(
  "shopify_index_items i left join sync_mappings m on m.store_id = i.store_id and m.resource_type = i.resource_type and m.shopify_id = i.shopify_id",
);

/**
 * The same columns read mapping first, for rows whose item may have left the index (an item
 * deleted in Shopify keeps its mapping): `sync_mappings m left join shopify_index_items i`, or a
 * full join of the two.
 */
export const MAPPED_ITEM_COLUMNS = sql.raw(
  "coalesce(m.shopify_id, i.shopify_id) as shopify_id, coalesce(i.title, '') as title, i.email, coalesce(i.skus, '{}') as skus, i.order_name, i.shopify_updated_at, m.status as sync_status, m.odoo_id, m.odoo_invoice_id, m.synced_at, m.last_error, m.mirror_state, m.mirror_error",
);

export const MAPPED_ITEM_JOIN = sql.raw(
  "sync_mappings m left join shopify_index_items i on i.store_id = m.store_id and i.resource_type = m.resource_type and i.shopify_id = m.shopify_id",
);

const number = (value: string | null) => (value === null ? null : Number(value));
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toSyncItem(type: ResourceType, row: SyncItemRow): TSyncItem {
  const id = Number(row.shopify_id);
  return {
    type,
    shopifyId: String(row.shopify_id),
    gid: toShopifyGid(type, id),
    title: row.title,
    email: row.email,
    skus: row.skus,
    orderName: row.order_name,
    status: row.sync_status ?? "not_synced",
    odooId: number(row.odoo_id),
    odooInvoiceId: number(row.odoo_invoice_id),
    lastError: row.sync_status === "failed" ? row.last_error : null,
    mirrorError: row.mirror_state === "failed" ? row.mirror_error : null,
    syncedAt: iso(row.synced_at),
    shopifyUpdatedAt: iso(row.shopify_updated_at),
  };
}
