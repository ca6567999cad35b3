// The Shopify↔Odoo mapping: one row per Shopify item Synco has synced (or failed to sync), the
// source of truth for "is this item synced". Shopify ids are kept as their numeric part (bigint):
// the gid is `gid://shopify/{Type}/{id}` with the type implied by `resource_type`, and numbers
// make keys and keyset cursors small and cheap to compare. Each row is mirrored to Shopify as a
// metafield (`mirror_*` columns track that write); counts per store and type are kept by triggers
// in `sync_status_counts` (the `sync_status_triggers` migration; docs/decisions.md).
import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { MappingStatus, MirrorState, ResourceType } from "@/lib/vocabulary/sync";
import { stores } from "./stores";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

const storeId = () =>
  text("store_id")
    .notNull()
    .references(() => stores.id, { onDelete: "cascade" });

export const syncMappings = pgTable(
  "sync_mappings",
  {
    storeId: storeId(),
    resourceType: text("resource_type").$type<ResourceType>().notNull(),
    shopifyId: bigint("shopify_id", { mode: "number" }).notNull(),
    odooId: bigint("odoo_id", { mode: "number" }),
    odooInvoiceId: bigint("odoo_invoice_id", { mode: "number" }),
    status: text("status").$type<MappingStatus>().notNull(),
    syncedAt: instant("synced_at"),
    lastError: text("last_error"),
    // Bumped by every write that changes the row; the mirror marks a row done only for the version it wrote.
    version: integer("version").notNull().default(1),
    mirrorState: text("mirror_state").$type<MirrorState>().notNull().default("pending"),
    mirrorError: text("mirror_error"),
    mirroredAt: instant("mirrored_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "sync_mappings_pkey", columns: [t.storeId, t.resourceType, t.shopifyId] }),
    // "Last synced at" per type is the first entry of this index. Partial, so that no lookup of a
    // row by its key can pick it over the primary key when statistics are missing (decision 57).
    index("sync_mappings_synced_at_idx")
      .on(t.storeId, t.resourceType, t.syncedAt)
      .where(sql`status = 'synced'`),
    // The mirror's work queue stays small: only rows Shopify has not seen yet.
    index("sync_mappings_mirror_pending_idx")
      .on(t.storeId, t.resourceType, t.shopifyId)
      .where(sql`mirror_state <> 'done'`),
    // The refused rows alone, in list order: "Refused by Shopify" pages and counts never walk a pending backlog.
    index("sync_mappings_mirror_failed_idx")
      .on(t.storeId, t.resourceType, t.shopifyId)
      .where(sql`mirror_state = 'failed'`),
  ],
);
export type SyncMapping = typeof syncMappings.$inferSelect;
export type NewSyncMapping = typeof syncMappings.$inferInsert;

/**
 * Counts per store and type, maintained by statement-level triggers on `sync_mappings` and
 * `shopify_index_items` so the overview never counts a million rows. `items*` count the indexed
 * Shopify items by their mapping status (what the lists show); `mappings*` count every mapping
 * row, including items no longer in Shopify (what a clear or an export covers).
 */
export const syncStatusCounts = pgTable(
  "sync_status_counts",
  {
    storeId: storeId(),
    resourceType: text("resource_type").$type<ResourceType>().notNull(),
    items: bigint("items", { mode: "number" }).notNull().default(0),
    itemsSynced: bigint("items_synced", { mode: "number" }).notNull().default(0),
    itemsFailed: bigint("items_failed", { mode: "number" }).notNull().default(0),
    mappingsSynced: bigint("mappings_synced", { mode: "number" }).notNull().default(0),
    mappingsFailed: bigint("mappings_failed", { mode: "number" }).notNull().default(0),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "sync_status_counts_pkey", columns: [t.storeId, t.resourceType] })],
);
export type SyncStatusCounts = typeof syncStatusCounts.$inferSelect;
