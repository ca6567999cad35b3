// Deletes the `sync` metafield Synco wrote for every mapped item in scope (in the current
// namespace), by calls of 250 or by one bulk mutation, from the mapping rows in key order.
// Progress counts identifiers sent (`metafields` counter: done, failed for Shopify's refusals).
import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { toShopifyGid } from "@/lib/shopify/gid";
import { SYNC_METAFIELD_KEY } from "@/lib/vocabulary/clear";
import { RunCancelledError } from "@/lib/operations/run-errors";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { Cursor } from "./clear-state";
import type { MetafieldIdentifier, MetafieldsDeleter } from "./shopify/delete-metafields";

const READ_PAGE = 10_000;

/** The store's mapped ids of a type after `after`, in key order. */
export async function mappedIds(storeId: string, type: ResourceType, after: number, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: syncMappings.shopifyId })
    .from(syncMappings)
    .where(
      and(eq(syncMappings.storeId, storeId), eq(syncMappings.resourceType, type), gt(syncMappings.shopifyId, after)),
    )
    .orderBy(asc(syncMappings.shopifyId))
    .limit(limit);
  return rows.map((row) => row.id);
}

export const syncIdentifier = (type: ResourceType, id: number, namespace: string): MetafieldIdentifier => ({
  ownerId: toShopifyGid(type, id),
  namespace,
  key: SYNC_METAFIELD_KEY,
});

/** Every known identifier of the types, in type then key order: the lines of a bulk mutation. */
export async function knownIdentifiers(storeId: string, types: ResourceType[], namespace: string) {
  const identifiers: MetafieldIdentifier[] = [];
  const typeOf: ResourceType[] = [];
  for (const type of types)
    for (let after = -1; ;) {
      const ids = await mappedIds(storeId, type, after, READ_PAGE);
      for (const id of ids) {
        identifiers.push(syncIdentifier(type, id, namespace));
        typeOf.push(type);
      }
      if (ids.length < READ_PAGE) break;
      after = ids.at(-1)!;
    }
  return { identifiers, typeOf };
}

export type PagedBatch = {
  type: ResourceType;
  cursor: Cursor;
  sent: number;
  deleted: number;
  refused: { identifier: MetafieldIdentifier; message: string }[];
};

/**
 * Calls in flight at once. Sequential calls would wait on each round trip rather than on the rate
 * limit; a window of calls waited for together (the first version) idled while its slowest call
 * of 250 finished. So calls start as others end, the cost-aware client pacing them.
 */
export const PARALLEL_CALLS = 4;

/**
 * By calls, from `cursor`: up to PARALLEL_CALLS calls in flight, a new one starting as one ends.
 * `onBatch` records, in order and one at a time, the calls answered so far with the cursor past
 * the last of them that has no unanswered call before it, so a restart never skips an item whose
 * call had not finished. On a cancel or an error no call is started; those in flight finish and
 * are recorded before it is thrown (a cancel does not abort them: the run's counts stay exact).
 */
export async function deleteKnownPaged({
  storeId,
  types,
  namespace,
  cursor,
  deleter,
  signal,
  beforeBatch,
  onBatch,
}: {
  storeId: string;
  types: ResourceType[];
  namespace: string;
  cursor: Cursor | null;
  deleter: MetafieldsDeleter;
  signal: AbortSignal;
  beforeBatch: () => void;
  onBatch: (batch: PagedBatch) => Promise<void>;
}): Promise<void> {
  // A cancel lets the calls in flight finish, so what they deleted is counted; anything else that
  // aborts the run (its lease lost, the worker stopping) aborts them too.
  const calls = new AbortController();
  const follow = () => {
    if (!(signal.reason instanceof RunCancelledError)) calls.abort(signal.reason);
  };
  if (signal.aborted) follow();
  signal.addEventListener("abort", follow, { once: true });
  try {
    await deleteTypesPaged({ storeId, types, namespace, cursor, deleter, signal: calls.signal, beforeBatch, onBatch });
  } finally {
    signal.removeEventListener("abort", follow);
  }
}

async function deleteTypesPaged({
  storeId,
  types,
  namespace,
  cursor,
  deleter,
  signal,
  beforeBatch,
  onBatch,
}: Parameters<typeof deleteKnownPaged>[0]): Promise<void> {
  const start = cursor ? types.indexOf(cursor.type) : 0;
  for (const type of types.slice(Math.max(0, start))) {
    await deleteTypePaged({
      type,
      after: cursor && cursor.type === type ? cursor.after : -1,
      read: (after, limit) => mappedIds(storeId, type, after, limit),
      send: (ids) =>
        deleter.delete(
          ids.map((id) => syncIdentifier(type, id, namespace)),
          signal,
        ),
      batchSize: () => deleter.batchSize,
      beforeBatch,
      onBatch,
    });
  }
}

type Call = { ids: number[]; outcome: Awaited<ReturnType<MetafieldsDeleter["delete"]>> | null };

async function deleteTypePaged({
  type,
  after,
  read,
  send,
  batchSize,
  beforeBatch,
  onBatch,
}: {
  type: ResourceType;
  after: number;
  read: (after: number, limit: number) => Promise<number[]>;
  send: (ids: number[]) => ReturnType<MetafieldsDeleter["delete"]>;
  batchSize: () => number;
  beforeBatch: () => void;
  onBatch: (batch: PagedBatch) => Promise<void>;
}): Promise<void> {
  let stopped: { error: unknown } | null = null;
  const stop = (error: unknown): void => {
    stopped ??= { error };
  };
  const running = new Set<Promise<void>>();
  // Calls started and not yet recorded, in key order.
  const unrecorded: Call[] = [];
  let recording = Promise.resolve();
  let recordFailed = false;
  const record = async () => {
    const answered: Call[] = [];
    while (unrecorded[0]?.outcome) answered.push(unrecorded.shift()!);
    if (answered.length === 0) return;
    await onBatch({
      type,
      cursor: { type, after: answered.at(-1)!.ids.at(-1)! },
      sent: answered.reduce((sum, call) => sum + call.ids.length, 0),
      deleted: answered.reduce((sum, call) => sum + call.outcome!.deleted, 0),
      refused: answered.flatMap((call) => call.outcome!.refused),
    });
  };
  let page: number[] = [];
  let readAfter = after;
  for (;;) {
    try {
      beforeBatch();
      if (page.length === 0) {
        page = await read(readAfter, batchSize() * PARALLEL_CALLS * 2);
        if (page.length === 0) break;
        readAfter = page.at(-1)!;
      }
    } catch (error) {
      stop(error);
    }
    if (stopped) break;
    while (running.size >= PARALLEL_CALLS) await Promise.race(running);
    if (stopped) break;
    const call: Call = { ids: page.splice(0, batchSize()), outcome: null };
    unrecorded.push(call);
    const sending: Promise<void> = send(call.ids)
      .then((outcome) => {
        call.outcome = outcome;
        // A recording that failed ends recording: a later one would move the cursor past its calls.
        recording = recording
          .then(() => (recordFailed ? undefined : record()))
          .catch((error: unknown) => {
            recordFailed = true;
            stop(error);
          });
      }, stop)
      .finally(() => running.delete(sending));
    running.add(sending);
  }
  await Promise.all(running);
  await recording;
  if (stopped) throw (stopped as { error: unknown }).error;
}
