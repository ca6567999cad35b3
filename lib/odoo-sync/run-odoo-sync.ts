// The `sync` kind's executor: waits for a clear under way to end, checks the store's Odoo
// credentials (a refusal fails the run before anything is written), then drains the store's sync
// queue type by type — customers, products, orders — in batches. Each batch re-links or creates
// in Odoo, then writes its mappings (mirrored to Shopify), takes its items off the queue and
// counts them in one transaction: the queue is the checkpoint, and because every item is looked up
// by its natural key before anything is created, a batch redone after a crash creates nothing twice.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { upsertMappings, type MappingInput } from "@/lib/mappings/upsert-mappings";
import type { RunContext } from "@/lib/operations/run-context";
import { RunFailedError } from "@/lib/operations/run-errors";
import { OdooAddressRefusedError, OdooBadCredentialsError, OdooNotFoundError } from "@/lib/odoo/errors";
import { findStore } from "@/lib/stores/find-store";
import { storeOdooClient } from "@/lib/stores/odoo/store-odoo-client";
import { storeShopifyClient } from "@/lib/stores/store-shopify-client";
import { ODOO_SYNC_ORDER } from "@/lib/vocabulary/odoo-sync";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { TOdooSyncSummary } from "./schemas";
import type { ItemOutcome, SyncContext } from "./sync-context";
import { dequeue, nextQueued, queueCounts } from "./sync-queue";
import { syncItems } from "./sync-items";

/** Items per batch: a few Odoo calls and one Shopify read each (the Shopify query's cost bounds orders and products). */
const batchOverride = Number(process.env.SYNCO_SYNC_BATCH_SIZE ?? 0);
export const SYNC_BATCH_SIZE: Record<ResourceType, number> = batchOverride
  ? { customer: batchOverride, product: batchOverride, order: batchOverride }
  : { customer: 200, product: 100, order: 100 };

type SyncCheckpoint = {
  odooCalls: number;
  shopifyPoints: number;
  linked: Record<string, number>;
  created: Record<string, number>;
  failed?: Record<string, number>;
};

const CLEAR_POLL_MS = Number(process.env.SYNCO_SYNC_CLEAR_POLL_MS ?? 1000);

export async function runOdooSync(ctx: RunContext): Promise<TOdooSyncSummary> {
  const { storeId, organizationId } = ctx.run;
  await waitForClear(ctx);
  const store = await findStore({ storeId, organizationId });
  const odoo = await storeOdooClient(store);
  if (!odoo) throw new RunFailedError("This store has no Odoo connection: add one in Settings → Odoo connection");
  const { client: shopify } = await storeShopifyClient({ storeId, organizationId }, { deadlineMs: 600_000 });

  let major: number;
  try {
    major = (await odoo.version()).major;
    await odoo.uid();
  } catch (error) {
    if (
      error instanceof OdooBadCredentialsError ||
      error instanceof OdooNotFoundError ||
      error instanceof OdooAddressRefusedError
    )
      throw new RunFailedError(`${error.message}: check the store's Odoo connection. Nothing was synced.`, {
        cause: error,
      });
    throw error;
  }

  const before = (ctx.run.checkpoint as SyncCheckpoint | null) ?? {
    odooCalls: 0,
    shopifyPoints: 0,
    linked: {},
    created: {},
    failed: {},
  };
  const failed: Record<string, number> = { ...before.failed };
  const context: SyncContext = {
    storeId,
    odoo,
    shopify,
    major,
    signal: ctx.signal,
    linked: { ...before.linked },
    created: { ...before.created },
    variantBySku: new Map(),
  };
  const checkpoint = (): SyncCheckpoint => ({
    odooCalls: before.odooCalls + odoo.calls(),
    shopifyPoints: before.shopifyPoints + Math.round(shopify.stats().client.pointsActual),
    linked: context.linked,
    created: context.created,
    failed,
  });

  let phase: string | null = null;
  for (;;) {
    let any = false;
    for (const type of ODOO_SYNC_ORDER) {
      for (;;) {
        ctx.throwIfCancelled();
        const ids = await nextQueued(db, storeId, type, SYNC_BATCH_SIZE[type]);
        if (ids.length === 0) break;
        any = true;
        // "syncing:order": the pages name the step and show that type's figure.
        if (phase !== `syncing:${type}`) await ctx.phase((phase = `syncing:${type}`));
        const outcomes = await syncItems(context, type, ids);
        countOutcomes(context, failed, type, ids, outcomes);
        await record(ctx, type, ids, outcomes, checkpoint);
      }
    }
    // Requests that came in meanwhile joined the queue: take them too before ending.
    if (!any) break;
    const counts = await queueCounts(db, storeId);
    if (ODOO_SYNC_ORDER.every((type) => counts[type] === 0)) break;
  }
  const end = checkpoint();
  return {
    odooCalls: end.odooCalls,
    shopifyPoints: end.shopifyPoints,
    linked: end.linked,
    created: end.created,
    failed: end.failed ?? {},
  };
}

/**
 * The batch's type, and the types of items it brought along (an order's customer and products, when
 * it had to create the order), get their three figures, 0 included, so a summary says "0 created";
 * the batch's own items that failed are counted (those brought along fail with their order).
 */
function countOutcomes(
  context: SyncContext,
  failed: Record<string, number>,
  type: ResourceType,
  ids: number[],
  outcomes: Map<ResourceType, Map<number, ItemOutcome>>,
) {
  const touched = [...outcomes].filter(([, items]) => items.size > 0).map(([resourceType]) => resourceType);
  for (const resourceType of new Set<ResourceType>([type, ...touched])) {
    context.linked[resourceType] ??= 0;
    context.created[resourceType] ??= 0;
    failed[resourceType] ??= 0;
  }
  const own = outcomes.get(type);
  failed[type]! += ids.filter((id) => own?.get(id)?.ok === false).length;
}

/** The batch's mappings (and those of items brought along), off the queue, counted: one transaction. */
async function record(
  ctx: RunContext,
  type: ResourceType,
  ids: number[],
  outcomes: Map<ResourceType, Map<number, ItemOutcome>>,
  checkpoint: () => SyncCheckpoint,
) {
  const { storeId, organizationId } = ctx.run;
  const now = new Date();
  const mappings: MappingInput[] = [];
  for (const [resourceType, items] of outcomes)
    for (const outcome of items.values())
      mappings.push(
        outcome.ok
          ? {
              resourceType,
              shopifyId: outcome.shopifyId,
              odooId: outcome.odooId,
              odooInvoiceId: outcome.odooInvoiceId ?? null,
              status: "synced",
              syncedAt: now,
            }
          : {
              resourceType,
              shopifyId: outcome.shopifyId,
              odooId: outcome.odooId ?? null,
              status: "failed",
              syncedAt: now,
              error: outcome.error,
            },
      );
  const own = outcomes.get(type) ?? new Map<number, ItemOutcome>();
  const failed = ids.filter((id) => own.get(id)?.ok === false).length;
  await db.transaction(async (tx) => {
    await upsertMappings({ storeId, organizationId, mappings, db: tx });
    // Items brought along (an order's customer) leave the queue too if they were waiting in it.
    for (const [resourceType, items] of outcomes) await dequeue(tx, storeId, resourceType, [...items.keys()]);
    await dequeue(tx, storeId, type, ids);
    await ctx.progress({ [type]: { done: ids.length - failed, failed } }, { tx, checkpoint: checkpoint() });
  });
}

async function waitForClear(ctx: RunContext) {
  let waiting = false;
  for (;;) {
    const [clear] = await db
      .select({ id: operationRuns.id })
      .from(operationRuns)
      .where(
        and(
          eq(operationRuns.storeId, ctx.run.storeId),
          eq(operationRuns.kind, "clear"),
          inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        ),
      )
      .limit(1);
    if (!clear) return;
    if (!waiting) await ctx.phase("waiting_for_clear");
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, CLEAR_POLL_MS));
    ctx.throwIfCancelled();
  }
}
