// The `clear` kind's executor: Clear Synco Data of the types in the run's scope. Stages, each
// resumable from the checkpoint: pausing (the mirror stops) → delete_known (Synco's own `sync`
// metafields, by calls or one bulk mutation; a failed bulk operation falls back to calls for what
// it did not do) → discover (a bulk query per type finds every metafield of the cleared keys still
// there) → delete_found → verify (a last bulk query must find none, else the run fails with the
// numbers and the mappings stay) → database (the mapping rows, in batches). Odoo is never touched.
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CounterDelta } from "@/lib/operations/change-run";
import type { RunContext } from "@/lib/operations/run-context";
import { RunFailedError } from "@/lib/operations/run-errors";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { parseItemGid } from "@/lib/shopify/gid";
import { findStore } from "@/lib/stores/find-store";
import { storeShopifyClient } from "@/lib/stores/store-shopify-client";
import type { ClearPhase, ClearStrategy } from "@/lib/vocabulary/clear";
import type { OperationCounters } from "@/lib/vocabulary/operations";
import { RESOURCE_TYPE_LABEL, type ResourceType } from "@/lib/vocabulary/sync";
import { BULK_THRESHOLD, chooseStrategy, clearedKeys, keysByType } from "./clear-plan";
import { addTally, clearScope, MAX_REFUSALS_KEPT, runActor, type ClearCheckpoint } from "./clear-state";
import { deleteKnownPaged, knownIdentifiers, PARALLEL_CALLS } from "./delete-known-metafields";
import { analyzeMappings, deleteMappings } from "./delete-mappings";
import { mappedCounts } from "./preview-clear";
import type { TClearSummary } from "./schemas";
import { awaitBulkDelete, submitBulkDelete } from "./shopify/bulk-delete-metafields";
import { metafieldsDeleter, type MetafieldIdentifier, type MetafieldsDeleter } from "./shopify/delete-metafields";
import { findMetafields } from "./shopify/find-metafields";
import { findUnreachableOrders } from "./unreachable-orders";
import { waitForMirror } from "./wait-for-mirror";

type Clearing = {
  ctx: RunContext;
  checkpoint: ClearCheckpoint;
  types: ResourceType[];
  client: ShopifyClient;
  deleter: MetafieldsDeleter;
  /** API calls and points of earlier attempts, plus this one's so far. */
  calls: () => { apiCalls: number; apiPoints: number };
};

export async function runClear(ctx: RunContext): Promise<TClearSummary> {
  const { storeId, organizationId } = ctx.run;
  const { types } = clearScope(ctx.run);
  const { store, client } = await storeShopifyClient({ storeId, organizationId }, { deadlineMs: 600_000 });
  const before = { apiCalls: 0, apiPoints: 0 };
  const calls = () => ({
    apiCalls: before.apiCalls + client.stats().client.requests,
    apiPoints: before.apiPoints + Math.round(client.stats().client.pointsActual),
  });

  let checkpoint = ctx.run.checkpoint as ClearCheckpoint | null;
  if (checkpoint) Object.assign(before, { apiCalls: checkpoint.apiCalls, apiPoints: checkpoint.apiPoints });
  if (!checkpoint) {
    const counts = await mappedCounts(storeId, types);
    const known = types.reduce((sum, type) => sum + counts[type].mappings, 0);
    const strategy = chooseStrategy(store, known);
    await audit(ctx, { action: "clear.started", strategy });
    await enterPhase({ ctx }, "pausing");
    await waitForMirror({ storeId, signal: ctx.signal });
    checkpoint = {
      stage: "delete_known",
      strategy,
      namespace: store.metafieldNamespace,
      keys: clearedKeys(store),
      known: null,
      bulkOperationId: null,
      fellBackToPaged: false,
      database: null,
      tallies: {},
      refusals: [],
      remaining: null,
      unreachableOrders: types.includes("order") ? await findUnreachableOrders(store) : null,
      metafieldsPlanned: known,
      apiCalls: 0,
      apiPoints: 0,
    };
    await ctx.strategy(strategy);
    await ctx.progress(
      {},
      {
        checkpoint,
        replace: {
          ...Object.fromEntries(types.map((type) => [type, { planned: counts[type].mappings, done: 0, failed: 0 }])),
          metafields: { planned: known, done: 0, failed: 0 },
        },
      },
    );
  } else {
    await audit(ctx, { action: "clear.started", strategy: checkpoint.strategy });
    // Another attempt: the mirror may have started a round meanwhile.
    await waitForMirror({ storeId, signal: ctx.signal });
  }
  const clearing: Clearing = { ctx, checkpoint, types, client, deleter: metafieldsDeleter(client), calls };

  if (checkpoint.stage === "delete_known") {
    await enterPhase(clearing, "delete_known");
    if (checkpoint.strategy === "bulk" && !checkpoint.fellBackToPaged) await deleteKnownInBulk(clearing);
    await deleteKnownByCalls(clearing);
    await save(clearing, { stage: "discover", known: null, bulkOperationId: null });
  }
  if (checkpoint.stage === "discover" || checkpoint.stage === "delete_found") {
    await enterPhase(clearing, "discover");
    const found = await search(clearing);
    if (found.length === 0) {
      // The search ran after every deletion and found nothing: it is the proof.
      await save(clearing, { stage: "database", remaining: 0 });
    } else {
      await enterPhase(clearing, "delete_found");
      await deleteFound(clearing, found);
      await save(clearing, { stage: "verify" });
    }
  }
  if (checkpoint.stage === "verify") {
    await enterPhase(clearing, "verify");
    const left = await search(clearing);
    if (left.length > 0) {
      const byType = countByType(left);
      await save(clearing, { remaining: left.length });
      throw new RunFailedError(
        `${left.length} Synco metafields are still in Shopify after the clear (${Object.entries(byType)
          .map(([type, count]) => `${count} on ${RESOURCE_TYPE_LABEL[type as ResourceType].plural}`)
          .join(", ")}); the mappings were kept. Resume the clear to try again.`,
      );
    }
    await save(clearing, { stage: "database", remaining: 0 });
  }
  if (checkpoint.stage === "database") {
    await enterPhase(clearing, "database");
    await deleteAllMappings(clearing);
  }
  return summary(clearing);
}

async function deleteKnownInBulk(clearing: Clearing) {
  const { ctx, checkpoint, types, client } = clearing;
  const { identifiers } = await knownIdentifiers(ctx.run.storeId, types, checkpoint.namespace);
  if (identifiers.length === 0) return;
  ctx.throwIfCancelled();
  if (!checkpoint.bulkOperationId) {
    const operationId = await submitBulkDelete(client, identifiers, ctx.signal);
    await save(clearing, { bulkOperationId: operationId });
  }
  const startedAt = Date.now();
  const planned = identifiers.length;
  const outcome = await awaitBulkDelete({
    client,
    operationId: checkpoint.bulkOperationId!,
    identifiers,
    signal: ctx.signal,
    onStatus: async (operation) => {
      // objectCount counts lines of 250; Shopify runs them in no particular order.
      const done = Math.min(planned, Number(operation.objectCount) * 250);
      const elapsed = Date.now() - startedAt;
      const estimatedFinishAt = done > 0 ? new Date(Date.now() + (elapsed / done) * (planned - done)) : null;
      await ctx.progress({}, { replace: { metafields: { planned, done, failed: 0 } }, estimatedFinishAt });
    },
  });
  const notRun = new Set(outcome.notRun.map((identifier) => identifier.ownerId));
  spreadDeleted(
    checkpoint,
    identifiers.filter((identifier) => !notRun.has(identifier.ownerId)),
    outcome.deleted,
  );
  for (const { identifier } of outcome.refused) {
    const type = parseItemGid(identifier.ownerId)?.type;
    if (type) addTally(checkpoint, type, { refused: 1 });
  }
  recordRefusals(checkpoint, outcome.refused);
  if (outcome.failed || outcome.notRun.length) {
    ctx.log.warn(
      { status: outcome.failed?.status, errorCode: outcome.failed?.errorCode, left: outcome.notRun.length },
      "bulk deletion did not finish; the rest goes by metafieldsDelete calls",
    );
  }
  const answered = planned - outcome.notRun.length;
  await save(
    clearing,
    {
      bulkOperationId: null,
      fellBackToPaged: outcome.notRun.length > 0,
      // The by-calls pass over the mapping has nothing left to do: what the operation did not run
      // goes by calls now, and if this attempt dies first, the search finds it.
      known: { type: types.at(-1)!, after: Number.MAX_SAFE_INTEGER },
    },
    { replace: { metafields: { planned, done: answered, failed: outcome.refused.length } } },
  );
  if (outcome.notRun.length) await deleteIdentifiersByCalls(clearing, outcome.notRun);
}

async function deleteKnownByCalls(clearing: Clearing) {
  const { ctx, checkpoint, types, deleter } = clearing;
  await deleteKnownPaged({
    storeId: ctx.run.storeId,
    types,
    namespace: checkpoint.namespace,
    cursor: checkpoint.known,
    deleter,
    signal: ctx.signal,
    beforeBatch: () => ctx.throwIfCancelled(),
    onBatch: async (batch) => {
      addTally(checkpoint, batch.type, { metafieldsDeleted: batch.deleted, refused: batch.refused.length });
      recordRefusals(checkpoint, batch.refused);
      await save(
        clearing,
        { known: batch.cursor },
        { add: { metafields: { done: batch.sent - batch.refused.length, failed: batch.refused.length } } },
      );
    },
  });
}

/** Deletes a list of identifiers by calls (what a bulk operation left, what the search found). */
async function deleteIdentifiersByCalls(clearing: Clearing, identifiers: MetafieldIdentifier[]) {
  const { ctx, checkpoint, deleter } = clearing;
  const step = deleter.batchSize * PARALLEL_CALLS;
  for (let start = 0; start < identifiers.length; start += step) {
    ctx.throwIfCancelled();
    const slice = identifiers.slice(start, start + step);
    const chunks: MetafieldIdentifier[][] = [];
    for (let index = 0; index < slice.length; index += deleter.batchSize)
      chunks.push(slice.slice(index, index + deleter.batchSize));
    const outcomes = await Promise.all(chunks.map((chunk) => deleter.delete(chunk, ctx.signal)));
    const outcome = {
      deleted: outcomes.reduce((sum, each) => sum + each.deleted, 0),
      refused: outcomes.flatMap((each) => each.refused),
    };
    for (const { identifier } of outcome.refused) {
      const type = parseItemGid(identifier.ownerId)?.type;
      if (type) addTally(checkpoint, type, { refused: 1 });
    }
    spreadDeleted(checkpoint, slice, outcome.deleted);
    recordRefusals(checkpoint, outcome.refused);
    await save(
      clearing,
      {},
      { add: { metafields: { done: slice.length - outcome.refused.length, failed: outcome.refused.length } } },
    );
  }
}

function spreadDeleted(checkpoint: ClearCheckpoint, identifiers: MetafieldIdentifier[], deleted: number) {
  const counts = Object.entries(countByType(identifiers));
  let left = deleted;
  counts.forEach(([type, count], index) => {
    const share =
      index === counts.length - 1 ? left : Math.min(left, Math.round((deleted * count) / identifiers.length));
    left -= share;
    addTally(checkpoint, type as ResourceType, { metafieldsDeleted: share });
  });
}

async function search(clearing: Clearing): Promise<MetafieldIdentifier[]> {
  const { ctx, checkpoint, types, client } = clearing;
  const found = await findMetafields({ client, keysByType: keysByType(checkpoint.keys, types), signal: ctx.signal });
  return types.flatMap((type) => found.byType[type]?.metafields ?? []);
}

async function deleteFound(clearing: Clearing, found: MetafieldIdentifier[]) {
  const { ctx, checkpoint, client } = clearing;
  checkpoint.metafieldsPlanned += found.length;
  await save(clearing, {}, { add: { metafields: { planned: checkpoint.metafieldsPlanned } } });
  if (found.length > BULK_THRESHOLD && checkpoint.strategy === "bulk" && !checkpoint.fellBackToPaged) {
    const operationId = await submitBulkDelete(client, found, ctx.signal);
    const outcome = await awaitBulkDelete({ client, operationId, identifiers: found, signal: ctx.signal });
    const notRun = new Set(
      outcome.notRun.map((identifier) => `${identifier.ownerId}/${identifier.namespace}/${identifier.key}`),
    );
    spreadDeleted(
      checkpoint,
      found.filter((identifier) => !notRun.has(`${identifier.ownerId}/${identifier.namespace}/${identifier.key}`)),
      outcome.deleted,
    );
    recordRefusals(checkpoint, outcome.refused);
    await save(
      clearing,
      {},
      { add: { metafields: { done: found.length - outcome.notRun.length, failed: outcome.refused.length } } },
    );
    if (outcome.notRun.length) await deleteIdentifiersByCalls(clearing, outcome.notRun);
    return;
  }
  await deleteIdentifiersByCalls(clearing, found);
}

async function deleteAllMappings(clearing: Clearing) {
  const { ctx, checkpoint, types } = clearing;
  const start = checkpoint.database ? types.indexOf(checkpoint.database.type) : 0;
  for (const type of types.slice(Math.max(0, start))) {
    const after = checkpoint.database?.type === type ? checkpoint.database.after : -1;
    await deleteMappings({
      storeId: ctx.run.storeId,
      type,
      after,
      beforeBatch: () => ctx.throwIfCancelled(),
      onBatch: async (tx, deleted, last) => {
        addTally(checkpoint, type, { mappingsDeleted: deleted });
        checkpoint.database = { type, after: last };
        Object.assign(checkpoint, clearing.calls());
        await ctx.progress({ [type]: { done: deleted } }, { checkpoint, tx });
      },
    });
    checkpoint.database = { type: types[types.indexOf(type) + 1] ?? type, after: -1 };
  }
  await analyzeMappings();
}

function recordRefusals(checkpoint: ClearCheckpoint, refused: { identifier: MetafieldIdentifier; message: string }[]) {
  for (const { identifier, message } of refused) {
    if (checkpoint.refusals.length >= MAX_REFUSALS_KEPT) return;
    const owner = parseItemGid(identifier.ownerId);
    if (owner) checkpoint.refusals.push({ type: owner.type, shopifyId: String(owner.id), message });
  }
}

function countByType(identifiers: MetafieldIdentifier[]): Partial<Record<ResourceType, number>> {
  const counts: Partial<Record<ResourceType, number>> = {};
  for (const identifier of identifiers) {
    const type = parseItemGid(identifier.ownerId)?.type;
    if (type) counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

async function save(
  clearing: Clearing,
  changes: Partial<ClearCheckpoint>,
  counters: { add?: CounterDelta; replace?: OperationCounters } = {},
) {
  Object.assign(clearing.checkpoint, changes, clearing.calls());
  await clearing.ctx.progress(counters.add ?? {}, { checkpoint: clearing.checkpoint, replace: counters.replace });
}

async function enterPhase(clearing: Pick<Clearing, "ctx"> & { checkpoint?: ClearCheckpoint }, phase: ClearPhase) {
  clearing.ctx.throwIfCancelled();
  await clearing.ctx.phase(phase);
  await audit(clearing.ctx, { action: "clear.phase", phase, counters: clearing.checkpoint?.tallies ?? {} });
}

type RunAudit =
  | { action: "clear.started"; strategy: ClearStrategy }
  | { action: "clear.phase"; phase: ClearPhase; counters: Record<string, unknown> };

/** The run's own steps in the audit log, as the person who asked (with the request's address). */
async function audit(ctx: RunContext, step: RunAudit) {
  const store = await findStore({ storeId: ctx.run.storeId, organizationId: ctx.run.organizationId });
  const base = { organizationId: ctx.run.organizationId, storeId: ctx.run.storeId, target: store.shopDomain };
  const runId = ctx.run.id;
  await recordAudit(
    db,
    runActor(ctx.run),
    step.action === "clear.started"
      ? {
          ...base,
          action: step.action,
          details: { runId, scope: clearScope(ctx.run).types, strategy: step.strategy, attempt: ctx.run.attempt },
        }
      : { ...base, action: step.action, details: { runId, phase: step.phase, counters: step.counters } },
  );
}

function summary(clearing: Clearing): TClearSummary {
  const { checkpoint } = clearing;
  return {
    strategy: checkpoint.strategy,
    fellBackToPaged: checkpoint.fellBackToPaged,
    types: checkpoint.tallies,
    refusals: checkpoint.refusals,
    remaining: checkpoint.remaining ?? 0,
    unreachableOrders: checkpoint.unreachableOrders,
    ...clearing.calls(),
    odooUntouched: true,
  };
}
