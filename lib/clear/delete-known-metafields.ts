// Deletes the `sync` metafield Synco wrote for every mapped item in scope (in the current
// namespace), by calls of 250 or by one bulk mutation, from the mapping rows in key order.
// Progress counts identifiers sent (`metafields` counter: done, failed for Shopify's refusals).
import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { toShopifyGid } from "@/lib/shopify/gid";
import { SYNC_METAFIELD_KEY } from "@/lib/vocabulary/clear";
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

/** Calls in flight at once: sequential calls would wait on each round trip, not on the rate limit. */
export const PARALLEL_CALLS = 4;

/**
 * By calls, from `cursor`: a window of up to PARALLEL_CALLS calls at once (the cost-aware client
 * paces them by the store's budget), then `onBatch` records the window's outcome with the cursor
 * past it, so a restart never skips an item whose call had not finished.
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
  const start = cursor ? types.indexOf(cursor.type) : 0;
  for (const type of types.slice(Math.max(0, start))) {
    let after = cursor && cursor.type === type ? cursor.after : -1;
    for (;;) {
      beforeBatch();
      const size = deleter.batchSize;
      const ids = await mappedIds(storeId, type, after, size * PARALLEL_CALLS);
      if (ids.length === 0) break;
      const calls: number[][] = [];
      for (let index = 0; index < ids.length; index += size) calls.push(ids.slice(index, index + size));
      const outcomes = await Promise.all(
        calls.map((chunk) =>
          deleter.delete(
            chunk.map((id) => syncIdentifier(type, id, namespace)),
            signal,
          ),
        ),
      );
      after = ids.at(-1)!;
      await onBatch({
        type,
        cursor: { type, after },
        sent: ids.length,
        deleted: outcomes.reduce((sum, outcome) => sum + outcome.deleted, 0),
        refused: outcomes.flatMap((outcome) => outcome.refused),
      });
    }
  }
}
