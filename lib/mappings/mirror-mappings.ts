// The mirror job: writes every pending mapping to Shopify as its `sync` metafield until none is
// left. Postgres stays the truth: a row is marked done only for the version that was written (a
// newer write stays pending for the next run), rows Shopify refuses (e.g. the item was deleted)
// are marked failed with Shopify's message, and anything else — throttling past the retries,
// Shopify down — fails the job, which pg-boss retries with backoff while the rows stay pending.
// Up to MIRROR_BULK_THRESHOLD pending rows go out as metafieldsSet calls of 25 through the
// cost-aware client; more go out as one bulk mutation, which does not spend the rate budget.
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { syncMappings } from "@/db/schema/mappings";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import { lockStoreSync } from "@/db/store-lock";
import { AppError } from "@/lib/errors/app-error";
import { enqueue } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/logger";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { findStore } from "@/lib/stores/find-store";
import { StoreAccessLostError, storeShopifyClient } from "@/lib/stores/store-shopify-client";
import { syncPausedFor } from "./sync-paused";
import { bulkSetSyncMetafields } from "./mirror/bulk-set-sync-metafields";
import { METAFIELDS_SET_LIMIT, setSyncMetafields } from "./mirror/set-sync-metafields";
import type { MirroredMapping } from "./mirror/sync-metafield";

/** Above this many pending rows a run uses a bulk mutation (10 metafieldsSet calls ≈ the cost of its setup and polling). */
export const MIRROR_BULK_THRESHOLD = 250;
/** Rows per bulk mutation: 2,000 JSONL lines of 25, a few MB — far below Shopify's 100 MB. */
const BULK_MAX_ROWS = 50_000;
const PAUSED_RETRY_SECONDS = 60;

export type MirrorResult = {
  written: number;
  refused: number;
  metafieldsSetCalls: number;
  bulkOperations: number;
  stopped?: "paused" | "disconnected" | "access_lost";
};

/** Rows settled per resource type: written to Shopify, or refused by it. */
export type MirrorCounts = Partial<Record<ResourceType, { done: number; failed: number }>>;

type Options = {
  storeId: string;
  organizationId: string;
  bulkThreshold?: number;
  /** Tests and benchmarks pass their own to read its call stats. */ client?: ShopifyClient;
  /** Hears what each round settled, inside the transaction that records it (so it counts once). */
  onRecorded?: (tx: Db, counts: MirrorCounts) => Promise<void>;
};

export async function mirrorMappings({
  storeId,
  organizationId,
  bulkThreshold = MIRROR_BULK_THRESHOLD,
  client: given,
  onRecorded,
}: Options): Promise<MirrorResult> {
  const result: MirrorResult = { written: 0, refused: 0, metafieldsSetCalls: 0, bulkOperations: 0 };
  const connected = await storeShopifyClient({ storeId, organizationId }, { deadlineMs: 600_000 }).catch(
    (error: unknown) => {
      // Disconnected: the rows stay pending; connecting the store again queues the mirror.
      if (error instanceof AppError && error.code === "conflict") return null;
      throw error;
    },
  );
  if (!connected) return { ...result, stopped: "disconnected" };
  const client = given ?? connected.client;

  try {
    for (;;) {
      // Read each round: a clear pauses syncing, and the namespace is a store setting.
      const store = await findStore({ storeId, organizationId });
      if (await syncPausedFor(store)) {
        await enqueue(
          "mappings.mirror",
          { storeId, organizationId },
          { singletonKey: storeId, startAfter: PAUSED_RETRY_SECONDS },
        );
        return { ...result, stopped: "paused" };
      }
      const namespace = store.metafieldNamespace;
      let rows = await pendingRows(storeId, bulkThreshold + 1);
      if (rows.length === 0) return result;
      let progressed = 0;
      if (rows.length > bulkThreshold) {
        rows = await pendingRows(storeId, BULK_MAX_ROWS);
        const outcome = await bulkSetSyncMetafields({ client, rows, namespace });
        result.bulkOperations++;
        progressed += await record(storeId, outcome.written, outcome.refused, result, onRecorded);
      } else {
        for (let start = 0; start < rows.length; start += METAFIELDS_SET_LIMIT) {
          const outcome = await setSyncMetafields({
            client,
            rows: rows.slice(start, start + METAFIELDS_SET_LIMIT),
            namespace,
          });
          result.metafieldsSetCalls += outcome.calls;
          progressed += await record(storeId, outcome.written, outcome.refused, result, onRecorded);
        }
      }
      // Rows that changed while being written stay pending and come round again; a round that settled
      // nothing at all (every bulk line failed) must not spin.
      if (progressed === 0) throw new Error(`mirroring mappings of store ${storeId} made no progress`);
    }
  } catch (error) {
    // Shopify refused the token (the store now needs attention): the rows stay pending, and
    // replacing the token or re-authorising queues the mirror again.
    if (error instanceof StoreAccessLostError) return { ...result, stopped: "access_lost" };
    throw error;
  }
}

type Row = MirroredMapping;

async function pendingRows(storeId: string, limit: number): Promise<Row[]> {
  return db.transaction(async (tx) => {
    // Up to a bulk mutation's worth of rows, from the pending rows' own index: a store-wide read.
    await limitStatements(tx, limit > MIRROR_BULK_THRESHOLD + 1 ? STATEMENT_LIMITS.storeWide : STATEMENT_LIMITS.batch);
    return tx
      .select({
        resourceType: syncMappings.resourceType,
        shopifyId: syncMappings.shopifyId,
        odooId: syncMappings.odooId,
        odooInvoiceId: syncMappings.odooInvoiceId,
        status: syncMappings.status,
        syncedAt: syncMappings.syncedAt,
        lastError: syncMappings.lastError,
        version: syncMappings.version,
      })
      .from(syncMappings)
      .where(and(eq(syncMappings.storeId, storeId), eq(syncMappings.mirrorState, "pending")))
      .orderBy(asc(syncMappings.resourceType), asc(syncMappings.shopifyId))
      .limit(limit);
  });
}

/** Marks the written versions done and the refused ones failed; returns how many rows that settled. */
async function record(
  storeId: string,
  written: Row[],
  refused: { row: Row; message: string }[],
  result: MirrorResult,
  onRecorded: Options["onRecorded"],
): Promise<number> {
  if (written.length === 0 && refused.length === 0) return 0;
  const settled = await db.transaction(async (tx) => {
    // A round's rows (25 to 50,000) marked in one statement each; waiting for the store's lock counts too.
    await limitStatements(
      tx,
      written.length + refused.length > MIRROR_BULK_THRESHOLD ? STATEMENT_LIMITS.storeWide : STATEMENT_LIMITS.batch,
    );
    await lockStoreSync(tx, storeId);
    const done = written.length
      ? await mark(
          tx,
          storeId,
          written.map((row) => ({ ...key(row), error: null })),
          "done",
        )
      : 0;
    const failed = refused.length
      ? await mark(
          tx,
          storeId,
          refused.map(({ row, message }) => ({ ...key(row), error: message.slice(0, 2000) })),
          "failed",
        )
      : 0;
    if (onRecorded) await onRecorded(tx, countByType(written, refused));
    return { done, failed };
  });
  result.written += settled.done;
  result.refused += settled.failed;
  if (refused.length)
    logger.warn(
      { storeId, refused: refused.length, example: refused[0]!.message },
      "Shopify refused some sync metafields",
    );
  return written.length + refused.length;
}

function countByType(written: Row[], refused: { row: Row }[]): MirrorCounts {
  const counts: MirrorCounts = {};
  const of = (type: ResourceType) => (counts[type] ??= { done: 0, failed: 0 });
  for (const row of written) of(row.resourceType).done++;
  for (const { row } of refused) of(row.resourceType).failed++;
  return counts;
}

const key = (row: Row) => ({ resource_type: row.resourceType, shopify_id: row.shopifyId, version: row.version });

async function mark(
  tx: Parameters<typeof lockStoreSync>[0],
  storeId: string,
  rows: { resource_type: string; shopify_id: number; version: number; error: string | null }[],
  state: "done" | "failed",
) {
  const updated = await tx.execute(sql`
    update sync_mappings m
    set mirror_state = ${state}, mirror_error = v.error, mirrored_at = case when ${state} = 'done' then now() else m.mirrored_at end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(resource_type text, shopify_id bigint, version int, error text)
    where m.store_id = ${storeId} and m.resource_type = v.resource_type and m.shopify_id = v.shopify_id and m.version = v.version`);
  return updated.rowCount ?? 0;
}
