// The database side of a clear: a type's mapping rows deleted in key order, a batch per short
// transaction, so no lock is held for long and other stores' reads never wait. Under the store's
// sync lock a batch deletes every mapping of its key range, so every index row of that range is Not
// synced: the batch resets that range of the index rows' copied status itself, by key (decision
// 61), and subtracts from the counters what its statements report, the transaction-local flag
// telling the triggers to leave both to it. Two batches run at once on adjacent ranges, recording
// in key order (decision 101). `onBatch` records progress and the cursor in the batch's own
// transaction, so a batch counts once or not at all.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import type { MappingStatus, ResourceType } from "@/lib/vocabulary/sync";

export const MAPPING_DELETE_BATCH = 10_000;
/** Batches deleted at once, on adjacent key ranges, each in its own transaction (decision 101). */
export const MAPPING_DELETE_LANES = 2;
/** Batches whose key ranges one read of the primary key finds. */
const BATCHES_PLANNED = 10;

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
  /** Called in each batch's transaction, in key order: a batch's call comes after the one before it committed. */
  onBatch: (tx: Db, deleted: number, last: number) => Promise<void>;
  beforeBatch?: () => void;
}): Promise<number> {
  /** `before`: the range before this one, ended; `lockedBefore`: it holds the store's lock (or ended). */
  const deleteRange = (from: number, to: number, before: Promise<unknown>, lockedBefore: Promise<void>) => {
    let markLocked = () => {};
    const locked = new Promise<void>((resolve) => (markLocked = resolve));
    const done = db.transaction(async (tx) => {
      await limitStatements(tx, STATEMENT_LIMITS.batch);
      // The store's lock, shared with the clear's other range, exclusive of every other writer of
      // its rows — taken in key order: were a later range to hold it while an earlier one queued
      // behind a writer waiting for it, the later range would wait for the earlier one forever.
      await lockedBefore;
      await tx.execute(sql`select synco_lock_store_sync_shared(${storeId})`);
      markLocked();
      await tx.execute(sql`select set_config('synco.index_status_reset_by_caller', 'on', true)`);
      // A batch's commit does not wait for its WAL to reach the disk: a server crash may lose the
      // last batches, cursor and deletions together, and the resumed run redoes them.
      await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
      // Every mapping of the range goes, by a range of the primary key whatever the statistics
      // (decision 83), and so does every index row's copied status in it (decision 61).
      const { rows } = await tx.execute<{ deleted: number; synced: number; failed: number }>(sql`
        with gone as (
          delete from sync_mappings
          where store_id = ${storeId} and resource_type = ${type} and shopify_id > ${from} and shopify_id <= ${to}
          returning status
        )
        select count(*)::int as deleted, count(*) filter (where status = 'synced')::int as synced,
          count(*) filter (where status = 'failed')::int as failed
        from gone`);
      const gone = {
        deleted: Number(rows[0]?.deleted ?? 0),
        synced: Number(rows[0]?.synced ?? 0),
        failed: Number(rows[0]?.failed ?? 0),
      };
      // Each status's rows of the range, one range of the tabs' index each; the statements' row
      // counts are what the items' counters lose.
      const reset = async (status: MappingStatus) => {
        const result = await tx.execute(sql`
          update shopify_index_items set sync_status = null
          where store_id = ${storeId} and resource_type = ${type} and sync_status = ${status}
            and shopify_id > ${from} and shopify_id <= ${to}`);
        return result.rowCount ?? 0;
      };
      const items = {
        synced: gone.deleted > 0 ? await reset("synced") : 0,
        failed: gone.deleted > 0 ? await reset("failed") : 0,
      };
      // Counters and progress in key order: a committed checkpoint never counts a batch that is not.
      await before;
      if (gone.deleted === 0) return 0;
      await tx.execute(sql`
        update sync_status_counts set
          items_synced = items_synced - ${items.synced}, items_failed = items_failed - ${items.failed},
          mappings_synced = mappings_synced - ${gone.synced}, mappings_failed = mappings_failed - ${gone.failed},
          updated_at = now()
        where store_id = ${storeId} and resource_type = ${type}`);
      await onBatch(tx, gone.deleted, to);
      return gone.deleted;
    });
    void done.finally(markLocked).catch(() => {}); // awaited by the caller
    return { done, locked };
  };

  let total = 0;
  let cursor = after;
  // A second sweep from the start catches rows written behind the cursor meanwhile.
  for (let sweep = 0; sweep < 2; sweep++, cursor = -1) {
    for (;;) {
      // The next batches' key ranges, found along the primary key before any lock: a row that
      // enters a range meanwhile goes with it, one that enters behind is the second sweep's.
      const { rows } = await db.execute<{ found: number; bounds: string[] | null }>(sql`
        select count(*)::int as found,
          array_agg(shopify_id::text order by shopify_id) filter (where n % ${batchSize} = 0 or n = last_n) as bounds
        from (
          select shopify_id, row_number() over (order by shopify_id) as n, count(*) over () as last_n
          from (
            select shopify_id from sync_mappings
            where store_id = ${storeId} and resource_type = ${type} and shopify_id > ${cursor}
            order by shopify_id limit ${batchSize * BATCHES_PLANNED}
          ) next
        ) numbered`);
      const found = Number(rows[0]?.found ?? 0);
      if (found === 0) break;
      const bounds = (rows[0]?.bounds ?? []).map(Number);
      // MAPPING_DELETE_LANES ranges in flight; each starts as soon as a lane is free.
      const ranges: Promise<number>[] = [];
      let locked = Promise.resolve();
      try {
        for (const [i, to] of bounds.entries()) {
          const free = ranges[i - MAPPING_DELETE_LANES];
          if (free && !(await succeeded(free))) break;
          beforeBatch?.();
          const range = deleteRange(i === 0 ? cursor : bounds[i - 1]!, to, ranges[i - 1] ?? Promise.resolve(), locked);
          range.done.catch(() => {}); // awaited below, with the others
          ranges.push(range.done);
          locked = range.locked;
        }
      } finally {
        // Every range ends (commits or rolls back) before anything goes up: a retry never overlaps one.
        await Promise.allSettled(ranges);
      }
      for (const range of ranges) total += await range;
      cursor = bounds.at(-1)!;
      if (found < batchSize * BATCHES_PLANNED) break;
    }
  }
  return total;
}

const succeeded = (range: Promise<number>) =>
  range.then(
    () => true,
    () => false,
  );

/** Fresh statistics after a mass delete, so the planner does not cost the table as it was. */
export async function analyzeMappings(): Promise<void> {
  await db.execute(sql`analyze sync_mappings`);
}
