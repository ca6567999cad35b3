// A local index of each store's Shopify products, customers and orders: what the sync lists and
// counts read, so no request pages through Shopify. Filled by a bulk-query import (connect and
// "Refresh from Shopify"), kept fresh by product/customer/order webhooks. `sync_status` is
// maintained by triggers (the `sync_status_triggers` migration): the status copies the item's
// mapping, so every tab is one index range scan. The text `q` searches lives in a table of its own,
// `shopify_index_search`, written by triggers only when an item's text changes (decision 81).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { bigint, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { MappingStatus, ResourceType } from "@/lib/vocabulary/sync";
import { stores } from "./stores";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const storeId = () =>
  text("store_id")
    .notNull()
    .references(() => stores.id, { onDelete: "cascade" });

export const shopifyIndexItems = pgTable(
  "shopify_index_items",
  {
    storeId: storeId(),
    resourceType: text("resource_type").$type<ResourceType>().notNull(),
    shopifyId: bigint("shopify_id", { mode: "number" }).notNull(),
    /** Product title, customer display name, or order name (#1001). */
    title: text("title").notNull().default(""),
    /** Customers and orders. */
    email: text("email"),
    /** Products: their variants' SKUs. */
    skus: text("skus")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Orders: the order name, e.g. #1001. */
    orderName: text("order_name"),
    shopifyUpdatedAt: instant("shopify_updated_at").notNull(),
    /** Orders: when Shopify created them (a token without read_all_orders sees only the last 60 days). */
    shopifyCreatedAt: instant("shopify_created_at"),
    /** The item's mapping status (null: not synced), copied by trigger from sync_mappings. */
    syncStatus: text("sync_status").$type<MappingStatus>(),
    /** Last time an import or a webhook wrote or saw the row: an import removes rows it did not see. */
    indexedAt: instant("indexed_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "shopify_index_items_pkey", columns: [t.storeId, t.resourceType, t.shopifyId] }),
    // Tabs synced / failed / not synced (null) in Shopify id order.
    index("shopify_index_items_status_idx").on(t.storeId, t.resourceType, t.syncStatus, t.shopifyId),
  ],
);
export type ShopifyIndexItem = typeof shopifyIndexItems.$inferSelect;
export type NewShopifyIndexItem = typeof shopifyIndexItems.$inferInsert;

/** A store's index rows of one type with these Shopify ids: one range of the primary key each. */
export function indexItemsWithIds(storeId: string, type: ResourceType, ids: number[]): SQL {
  return and(
    eq(shopifyIndexItems.storeId, storeId),
    eq(shopifyIndexItems.resourceType, type),
    inArray(shopifyIndexItems.shopifyId, ids),
  )!;
}

/**
 * Each indexed item's search text: its lower-cased title, email, order name and SKUs, one row per
 * row of `shopify_index_items` (same key), trigram-indexed for `q`. Kept apart so that a status
 * change (a sync, a clear's reset) rewrites the item's row and its two B-trees, never the trigram
 * index. Written by the items' triggers (migration `index_search_table`): inserted with the item,
 * updated when one of its text columns changes, deleted with it — no foreign key, the delete trigger
 * keeps the two tables in step, a store's deletion included (decision 81).
 */
export const shopifyIndexSearch = pgTable(
  "shopify_index_search",
  {
    storeId: text("store_id").notNull(),
    resourceType: text("resource_type").$type<ResourceType>().notNull(),
    shopifyId: bigint("shopify_id", { mode: "number" }).notNull(),
    searchText: text("search_text").notNull(),
  },
  (t) => [
    primaryKey({ name: "shopify_index_search_pkey", columns: [t.storeId, t.resourceType, t.shopifyId] }),
    index("shopify_index_search_text_idx").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);

/**
 * Items deleted in Shopify (by webhook): a late or retried create/update for them, or an import
 * that read them before the delete, must not bring them back. Pruned after a week by refreshes.
 */
export const shopifyIndexTombstones = pgTable(
  "shopify_index_tombstones",
  {
    storeId: storeId(),
    resourceType: text("resource_type").$type<ResourceType>().notNull(),
    shopifyId: bigint("shopify_id", { mode: "number" }).notNull(),
    deletedAt: instant("deleted_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "shopify_index_tombstones_pkey", columns: [t.storeId, t.resourceType, t.shopifyId] })],
);
