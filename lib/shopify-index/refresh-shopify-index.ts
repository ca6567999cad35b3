// A refresh of the store's index: products, customers and orders read from Shopify by bulk
// queries (see importShopifyItems), then the counters reconciled with the rows. It runs as an
// `index_refresh` operation run (lib/operations/kinds/index-refresh.ts), which reports its
// progress and remembers the types already read, so a resumed refresh skips them. Safe to run
// twice: every write is an idempotent, newest-wins upsert.
import { and, eq, lt, sql } from "drizzle-orm";
import { ANALYZE_AFTER_ROWS, analyzeTables, LOADED_TABLES } from "@/db/analyze-tables";
import { db } from "@/db/client";
import { shopifyIndexTombstones } from "@/db/schema/shopify-index";
import { AppError } from "@/lib/errors/app-error";
import { reconcileSyncCounts, type CountsDrift } from "@/lib/shopify-index/reconcile-sync-counts";
import { findStore } from "@/lib/stores/find-store";
import { storeShopifyClient } from "@/lib/stores/store-shopify-client";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { bulkQueryPipeline } from "@/lib/shopify/bulk/run-bulk-query";
import { INDEX_BULK_QUERIES } from "./bulk-queries";
import { importShopifyItems, type ImportReport } from "./import-shopify-items";

export type RefreshReport = {
  /** A type starts: Shopify prepares its export. */
  onType?: (type: ResourceType) => Promise<void>;
  /** A type is fully read (the caller checkpoints it). */
  onTypeDone?: (type: ResourceType, outcome: { imported: number; removed: number }) => Promise<void>;
  /** Reconciling the counters with the rows. */
  onReconcile?: () => Promise<void>;
  import?: (type: ResourceType) => ImportReport;
};

type Options = {
  storeId: string;
  organizationId: string;
  /** When the refresh first started: rows indexed before it and not seen by it are removed. */
  startedAt: Date;
  /** The types still to read (a resumed refresh skips those it read). */
  types?: readonly ResourceType[];
  /** A type's bulk query, when the caller reads more fields with it (it must select what the index needs). */
  queries?: Partial<Record<ResourceType, string>>;
  report?: RefreshReport;
};

export async function refreshShopifyIndex({
  storeId,
  organizationId,
  startedAt,
  types = RESOURCE_TYPES,
  queries = {},
  report = {},
}: Options): Promise<{ imported: Partial<Record<ResourceType, number>>; removed: number; drift: CountsDrift }> {
  const store = await findStore({ storeId, organizationId });
  if (store.status === "disconnected")
    throw new AppError("conflict", "The store is disconnected: connect it again to refresh its items");
  const { client } = await storeShopifyClient({ storeId, organizationId }, { deadlineMs: 600_000 });
  await db
    .delete(shopifyIndexTombstones)
    .where(
      and(
        eq(shopifyIndexTombstones.storeId, storeId),
        lt(shopifyIndexTombstones.deletedAt, sql`now() - interval '7 days'`),
      ),
    );
  const imported: Partial<Record<ResourceType, number>> = {};
  let removed = 0;
  // The next type's export starts on Shopify while this one's rows are written.
  const exports = bulkQueryPipeline(
    client,
    types.map((type) => queries[type] ?? INDEX_BULK_QUERIES[type]),
  );
  for (const [index, type] of types.entries()) {
    await report.onType?.(type);
    const outcome = await importShopifyItems({
      client,
      storeId,
      type,
      startedAt,
      readLines: (options) => exports.run(index, options),
      report: report.import?.(type),
    });
    imported[type] = outcome.imported;
    removed += outcome.removed;
    // What follows (the next type's lookups, the reconciliation) is planned with these rows known.
    if (outcome.imported + outcome.removed >= ANALYZE_AFTER_ROWS) await analyzeTables(db, LOADED_TABLES.index);
    await report.onTypeDone?.(type, outcome);
  }
  await report.onReconcile?.();
  const drift = await reconcileSyncCounts({ storeId });
  return { imported, removed, drift };
}

/** The database's clock now: a refresh's start is compared with rows' `indexed_at`, set by the database. */
export async function databaseNow(): Promise<Date> {
  const { rows } = await db.execute<{ now: Date }>(sql`select now() as now`);
  return new Date(rows[0]!.now);
}
