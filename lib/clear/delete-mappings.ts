// The database side of a clear: a type's mapping rows deleted in key order, a batch per short
// transaction (the store's sync lock first, as every writer of these tables takes it), so no lock
// is held for long and other stores' reads never wait. The statement-level triggers keep the
// counters exact. The index rows' copied status is reset here rather than by the trigger's join
// with its transition table (decision 61): under the lock, a batch deletes every mapping of the
// key range (cursor, last], so every index row of that range is Not synced — one range update on
// the index's key. `onBatch` records progress and the cursor in the same transaction, so a batch
// counts once or not at all.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import { lockStoreSync } from "@/db/store-lock";
import type { ResourceType } from "@/lib/vocabulary/sync";

export const MAPPING_DELETE_BATCH = 10_000;

export async function deleteMappings({
  storeId,
  type,
  after,
  batchSize = MAPPING_DELETE_BATCH,
  onBatch,
  beforeBatch,
}: {
  storeId: string;
  type: ResourceType;
  /** Rows after this Shopify id (a resumed run's cursor); -1 for all. */
  after: number;
  batchSize?: number;
  onBatch: (tx: Db, deleted: number, last: number) => Promise<void>;
  beforeBatch?: () => void;
}): Promise<number> {
  let total = 0;
  let cursor = after;
  // A second sweep from the start catches rows written behind the cursor meanwhile.
  for (let sweep = 0; sweep < 2; sweep++, cursor = -1) {
    for (;;) {
      beforeBatch?.();
      const batch = await db.transaction(async (tx) => {
        await lockStoreSync(tx, storeId);
        await limitStatements(tx, STATEMENT_LIMITS.batch);
        await tx.execute(sql`select set_config('synco.index_status_reset_by_caller', 'on', true)`);
        // The batch is a key range: its last id found along the primary key, then every mapping of
        // (cursor, last] deleted by a range of the same key. Deleting by a join with the batch's ids
        // was planned as a hash join over a sequential scan of the store's remaining mappings — the
        // whole table once per batch, most of a batch's time at 1M rows (decision 83).
        const { rows } = await tx.execute<{ deleted: number; last: string | null }>(sql`
          with bound as (
            select max(shopify_id) as last from (
              select shopify_id from sync_mappings
              where store_id = ${storeId} and resource_type = ${type} and shopify_id > ${cursor}
              order by shopify_id limit ${batchSize}
            ) b
          ), gone as (
            delete from sync_mappings m
            where m.store_id = ${storeId} and m.resource_type = ${type}
              and m.shopify_id > ${cursor} and m.shopify_id <= (select last from bound)
            returning m.shopify_id
          )
          select count(*)::int as deleted, max(shopify_id)::text as last from gone`);
        const deleted = Number(rows[0]?.deleted ?? 0);
        const last = rows[0]?.last === null || rows[0]?.last === undefined ? cursor : Number(rows[0].last);
        if (deleted > 0) {
          await tx.execute(sql`
            update shopify_index_items set sync_status = null
            where store_id = ${storeId} and resource_type = ${type}
              and shopify_id > ${cursor} and shopify_id <= ${last} and sync_status is not null`);
          await onBatch(tx, deleted, last);
        }
        return { deleted, last };
      });
      total += batch.deleted;
      cursor = batch.last;
      if (batch.deleted < batchSize) break;
    }
  }
  return total;
}

/** Fresh statistics after a mass delete, so the planner does not cost the table as it was. */
export async function analyzeMappings(): Promise<void> {
  await db.execute(sql`analyze sync_mappings`);
}
