// The `index_refresh` kind: the store's products, customers and orders read from Shopify into the
// local index. Phases: export:<type> (Shopify prepares the type's bulk export) → import:<type> (its
// items written, counted per batch in the batch's own transaction) → reconcile. A store's first
// refresh reads with the same exports the sync state an earlier install left in Shopify's
// metafields, written as mapping rows with each batch (decision 70). The checkpoint keeps the
// refresh's start and the types already read, so a resumed run skips them; a type cut short is
// read again from the start, its count with it.
import { eq, sql } from "drizzle-orm";
import { syncStateOfLine, withSyncStateField } from "@/lib/mappings/import-shopify-sync-state";
import type { MappingInput } from "@/lib/mappings/upsert-mappings";
import { upsertMappings } from "@/lib/mappings/upsert-mappings";
import { INDEX_BULK_QUERIES } from "@/lib/shopify-index/bulk-queries";
import { findStore } from "@/lib/stores/find-store";
import { ANALYZE_AFTER_ROWS, analyzeTables, LOADED_TABLES } from "@/db/analyze-tables";
import { db } from "@/db/client";
import { syncStatusCounts } from "@/db/schema/mappings";
import { databaseNow, refreshShopifyIndex } from "@/lib/shopify-index/refresh-shopify-index";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import type { RunExecutor } from "../execute-run";

type Checkpoint = { startedAt: string; syncState?: boolean; types: ResourceType[] };

export const runIndexRefresh: RunExecutor = async (ctx) => {
  const { storeId, organizationId } = ctx.run;
  const saved = ctx.run.checkpoint as Checkpoint | null;
  const checkpoint: Checkpoint = saved ?? { startedAt: (await databaseNow()).toISOString(), types: [] };
  if (!saved) await ctx.checkpoint(checkpoint);

  // A store's first refresh also reads the sync state an earlier install left in Shopify — each
  // item's sync metafield, selected by the same bulk queries (decision 70) — and writes it as
  // mapping rows in each batch's transaction, just before the batch's items.
  const syncState = ctx.run.scope.syncState && !checkpoint.syncState;
  const store = syncState ? await findStore({ storeId, organizationId }) : null;
  if (syncState && !saved?.types.length)
    await ctx.progress({}, { replace: { mapping: { planned: null, done: 0, failed: 0 } } });
  let mappings = 0;

  const types = RESOURCE_TYPES.filter((type) => !checkpoint.types.includes(type));
  const outcome = await refreshShopifyIndex({
    storeId,
    organizationId,
    startedAt: new Date(checkpoint.startedAt),
    types,
    queries: store
      ? Object.fromEntries(
          types.map((type) => [type, withSyncStateField(INDEX_BULK_QUERIES[type], store.metafieldNamespace)]),
        )
      : {},
    report: {
      onType: async (type) => {
        ctx.throwIfCancelled();
        await ctx.phase(`export:${type}`);
        // A type is read whole or again from the start: its count starts over with it.
        await ctx.progress({}, { replace: { [type]: { planned: null, done: 0, failed: 0 } } });
      },
      import: (type) => {
        let reading = false;
        let pending: MappingInput[] = [];
        // Mapping rows the current batch wrote: counted with its items at the batch's end.
        let batchMappings = 0;
        return {
          ...(store && {
            onItemLine: (line) => {
              const mapping = syncStateOfLine(type, line);
              if (mapping) pending.push(mapping);
            },
            beforeBatch: async (tx) => {
              if (pending.length === 0) return;
              const batch = pending;
              pending = [];
              // The batch's index write sets these items' status from the rows (decision 70).
              await tx.execute(sql`select set_config('synco.index_status_follows', 'on', true)`);
              await upsertMappings({ storeId, organizationId, mappings: batch, alreadyInShopify: true, db: tx });
              await tx.execute(sql`select set_config('synco.index_status_follows', '', true)`);
              mappings += batch.length;
              batchMappings = batch.length;
            },
          }),
          signal: ctx.signal,
          onExport: async (operation) => {
            if (operation.status !== "COMPLETED" || reading) return;
            reading = true;
            // Customers and orders are one object each; products come with their variants.
            const objects = Number(operation.objectCount);
            await ctx.phase(`import:${type}`, { planned: { [type]: type === "product" ? null : objects } });
          },
          // One progress write per batch, its last statement: the run's row stays locked only
          // from there to the commit, not while the batch's rows are written, so the progress
          // timer's event (its own transaction) does not queue behind the batch (decision 82).
          onBatch: async (tx, items) => {
            ctx.throwIfCancelled();
            const delta = { [type]: { done: items }, ...(batchMappings > 0 && { mapping: { done: batchMappings } }) };
            batchMappings = 0;
            await ctx.progress(delta, { tx });
          },
        };
      },
      onTypeDone: async (type, { imported }) => {
        // The next type's batches look their mappings up among these rows (decision 57).
        if (mappings >= ANALYZE_AFTER_ROWS) await analyzeTables(db, LOADED_TABLES.mappings);
        checkpoint.types.push(type);
        const syncStateRead = store !== null && checkpoint.types.length === RESOURCE_TYPES.length;
        if (syncStateRead) checkpoint.syncState = true;
        // The sync state's figure ends as the store's mapping rows (a type read twice counted its own twice).
        const mapping = syncStateRead ? await storeMappings(storeId) : null;
        await ctx.progress(
          { [type]: { planned: imported } },
          {
            checkpoint,
            ...(mapping !== null && { replace: { mapping: { planned: mapping, done: mapping, failed: 0 } } }),
          },
        );
      },
      onReconcile: () => ctx.phase("reconcile"),
    },
  });
  return { refreshedAt: checkpoint.startedAt, removed: outcome.removed, drift: outcome.drift };
};

async function storeMappings(storeId: string): Promise<number> {
  const [row] = await db
    .select({
      n: sql<number>`coalesce(sum(${syncStatusCounts.mappingsSynced} + ${syncStatusCounts.mappingsFailed}), 0)::int`,
    })
    .from(syncStatusCounts)
    .where(eq(syncStatusCounts.storeId, storeId));
  return Number(row?.n ?? 0);
}
