// The sync to Odoo's own state: the queue of items asked to be synced (deduplicated by item: the
// same item asked twice is queued once) and the requests that filled it (one per idempotency key,
// naming the run that takes them). The queue is also the sync run's checkpoint: an item leaves it
// in the transaction that writes its mapping, so a killed worker resumes with what is left.
import { bigint, index, pgTable, primaryKey, text, timestamp, uuid, jsonb } from "drizzle-orm/pg-core";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { operationRuns } from "./operations";
import { stores } from "./stores";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const odooSyncQueue = pgTable(
  "odoo_sync_queue",
  {
    storeId: text("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    resourceType: text("resource_type").$type<ResourceType>().notNull(),
    shopifyId: bigint("shopify_id", { mode: "number" }).notNull(),
    requestedAt: instant("requested_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "odoo_sync_queue_pkey", columns: [t.storeId, t.resourceType, t.shopifyId] })],
);
export type OdooSyncQueueItem = typeof odooSyncQueue.$inferSelect;

export const odooSyncRequests = pgTable(
  "odoo_sync_requests",
  {
    storeId: text("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    runId: uuid("run_id")
      .notNull()
      .references(() => operationRuns.id, { onDelete: "cascade" }),
    /** The request's body as accepted (scope, type, how many items it queued). */
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "odoo_sync_requests_pkey", columns: [t.storeId, t.idempotencyKey] }),
    index("odoo_sync_requests_run_idx").on(t.runId),
  ],
);
export type OdooSyncRequest = typeof odooSyncRequests.$inferSelect;

/**
 * Automatic syncs owed by webhook deliveries (decision 110): written in the delivery's own
 * transaction, deleted once the sync is asked for (key `webhook:<webhook id>`) or can never be. An
 * entry left behind (the process died after the delivery committed) is asked for by the
 * `webhooks.auto-sync-sweep` job. Empty while all is well, so the sweep reads it whole.
 */
export const owedAutoSyncs = pgTable("owed_auto_syncs", {
  webhookId: text("webhook_id").primaryKey(),
  storeId: text("store_id")
    .notNull()
    .references(() => stores.id, { onDelete: "cascade" }),
  resourceType: text("resource_type").$type<ResourceType>().notNull(),
  shopifyId: bigint("shopify_id", { mode: "number" }).notNull(),
  owedAt: instant("owed_at").notNull().defaultNow(),
});
export type OwedAutoSync = typeof owedAutoSyncs.$inferSelect;
