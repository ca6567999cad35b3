// The `index_refresh` kind: the store's products, customers and orders read from Shopify into the
// local index. Phases: sync_state (a store's first refresh: the sync state an earlier install left
// in Shopify's metafields becomes mapping rows, read by bulk queries like any other read) →
// export:<type> (Shopify prepares the type's bulk export) → import:<type> (its items written,
// counted per batch in the batch's own transaction) → reconcile. The checkpoint keeps the
// refresh's start and the types already read, so a resumed run skips them; a type cut short is
// read again from the start, its count with it.
import { importShopifySyncState } from "@/lib/mappings/import-shopify-sync-state";
import { ANALYZE_AFTER_ROWS, analyzeTables, LOADED_TABLES } from "@/db/analyze-tables";
import { db } from "@/db/client";
import { databaseNow, refreshShopifyIndex } from "@/lib/shopify-index/refresh-shopify-index";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import type { RunExecutor } from "../execute-run";

type Checkpoint = { startedAt: string; syncState?: boolean; types: ResourceType[] };

export const runIndexRefresh: RunExecutor = async (ctx) => {
  const { storeId, organizationId } = ctx.run;
  const saved = ctx.run.checkpoint as Checkpoint | null;
  const checkpoint: Checkpoint = saved ?? { startedAt: (await databaseNow()).toISOString(), types: [] };
  if (!saved) await ctx.checkpoint(checkpoint);

  if (ctx.run.scope.syncState && !checkpoint.syncState) {
    await ctx.phase("sync_state");
    await ctx.progress({}, { replace: { mapping: { planned: null, done: 0, failed: 0 } } });
    const { mappings } = await importShopifySyncState({
      storeId,
      organizationId,
      report: {
        signal: ctx.signal,
        onExport: () => ctx.throwIfCancelled(),
        onBatch: (rows) => ctx.progress({ mapping: { done: rows } }),
      },
    });
    // The items' import looks each one up among these rows: planned with them known (decision 57).
    if (mappings >= ANALYZE_AFTER_ROWS) await analyzeTables(db, LOADED_TABLES.mappings);
    checkpoint.syncState = true;
    await ctx.progress({ mapping: { planned: mappings } }, { checkpoint });
  }

  const types = RESOURCE_TYPES.filter((type) => !checkpoint.types.includes(type));
  const outcome = await refreshShopifyIndex({
    storeId,
    organizationId,
    startedAt: new Date(checkpoint.startedAt),
    types,
    report: {
      onType: async (type) => {
        ctx.throwIfCancelled();
        await ctx.phase(`export:${type}`);
        // A type is read whole or again from the start: its count starts over with it.
        await ctx.progress({}, { replace: { [type]: { planned: null, done: 0, failed: 0 } } });
      },
      import: (type) => {
        let reading = false;
        return {
          signal: ctx.signal,
          onExport: async (operation) => {
            if (operation.status !== "COMPLETED" || reading) return;
            reading = true;
            // Customers and orders are one object each; products come with their variants.
            const objects = Number(operation.objectCount);
            await ctx.phase(`import:${type}`, { planned: { [type]: type === "product" ? null : objects } });
          },
          onBatch: async (tx, items) => {
            ctx.throwIfCancelled();
            await ctx.progress({ [type]: { done: items } }, { tx });
          },
        };
      },
      onTypeDone: async (type, { imported }) => {
        checkpoint.types.push(type);
        await ctx.progress({ [type]: { planned: imported } }, { checkpoint });
      },
      onReconcile: () => ctx.phase("reconcile"),
    },
  });
  return { refreshedAt: checkpoint.startedAt, removed: outcome.removed, drift: outcome.drift };
};
