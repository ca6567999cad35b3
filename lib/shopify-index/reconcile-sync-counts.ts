// The reconciliation path for what the triggers maintain: recomputes every index row's copied
// status and the store's counters from the rows themselves, under the store's sync lock, and
// reports what had drifted (nothing, unless rows were written with triggers disabled). Runs at the
// end of every index refresh. The statuses are checked in keyed batches, each its own short
// transaction under a statement limit, every row looked up by its key: the work is linear in the
// store's rows whatever the planner believes about the tables (decision 57), and the lock is held
// for one batch at a time.
import { sql } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { lockStoreSync } from "@/db/store-lock";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";

export type CountsDrift = { statusesFixed: number; countersFixed: number };

const BATCH = 5_000;

export async function reconcileSyncCounts({
  storeId,
  db = defaultDb,
  batchSize = BATCH,
}: {
  storeId: string;
  db?: Db;
  batchSize?: number;
}): Promise<CountsDrift> {
  let statusesFixed = 0;
  for (const type of RESOURCE_TYPES) {
    let after: string | null = null;
    do {
      const batch = await fixStatuses(db, storeId, type, after, batchSize);
      statusesFixed += batch.fixed;
      after = batch.last;
    } while (after !== null);
  }
  const countersFixed = await db.transaction(async (tx) => {
    await limitStatements(tx, STATEMENT_LIMITS.storeWide);
    await lockStoreSync(tx, storeId);
    return fixCounters(tx, storeId);
  });
  return { statusesFixed, countersFixed };
}

/** One batch of a type's rows after the key `after`: fixed rows, and the batch's last key (null at the end). */
async function fixStatuses(db: Db, storeId: string, type: string, after: string | null, size: number) {
  return db.transaction(async (tx) => {
    await limitStatements(tx, STATEMENT_LIMITS.batch);
    await lockStoreSync(tx, storeId);
    const { rows } = await tx.execute<{ fixed: number; last: string | null; seen: number }>(sql`
      with batch as materialized (
        select i.shopify_id, i.sync_status,
          (select m.status from sync_mappings m
            where m.store_id = ${storeId} and m.resource_type = ${type} and m.shopify_id = i.shopify_id) as status
        from shopify_index_items i
        where i.store_id = ${storeId} and i.resource_type = ${type} and i.shopify_id > ${after ?? "-1"}::bigint
        order by i.shopify_id
        limit ${size}
      ), fixed as (
        update shopify_index_items i set sync_status = b.status
        from batch b
        where i.store_id = ${storeId} and i.resource_type = ${type} and i.shopify_id = b.shopify_id
          and b.sync_status is distinct from b.status
        returning 1
      )
      select (select count(*) from fixed)::int as fixed, (select max(shopify_id) from batch)::text as last,
        (select count(*) from batch)::int as seen`);
    const row = rows[0]!;
    return { fixed: row.fixed, last: row.seen < size ? null : row.last };
  });
}

async function fixCounters(tx: Db, storeId: string): Promise<number> {
  const counters = await tx.execute(sql`
    with items as (
      select resource_type, count(*) as items, count(*) filter (where sync_status = 'synced') as synced, count(*) filter (where sync_status = 'failed') as failed
      from shopify_index_items where store_id = ${storeId} group by resource_type
    ), mappings as (
      select resource_type, count(*) filter (where status = 'synced') as synced, count(*) filter (where status = 'failed') as failed
      from sync_mappings where store_id = ${storeId} group by resource_type
    ), actual as (
      select t.resource_type, coalesce(i.items, 0) as items, coalesce(i.synced, 0) as items_synced, coalesce(i.failed, 0) as items_failed,
        coalesce(m.synced, 0) as mappings_synced, coalesce(m.failed, 0) as mappings_failed
      from (values ('product'), ('customer'), ('order')) as t(resource_type)
      left join items i using (resource_type) left join mappings m using (resource_type)
    )
    insert into sync_status_counts as c (store_id, resource_type, items, items_synced, items_failed, mappings_synced, mappings_failed)
    select ${storeId}, resource_type, items, items_synced, items_failed, mappings_synced, mappings_failed from actual a
    where (items, items_synced, items_failed, mappings_synced, mappings_failed) <> (0, 0, 0, 0, 0)
      or exists (select 1 from sync_status_counts e where e.store_id = ${storeId} and e.resource_type = a.resource_type)
    on conflict (store_id, resource_type) do update set items = excluded.items, items_synced = excluded.items_synced, items_failed = excluded.items_failed,
      mappings_synced = excluded.mappings_synced, mappings_failed = excluded.mappings_failed, updated_at = now()
    where (c.items, c.items_synced, c.items_failed, c.mappings_synced, c.mappings_failed)
      is distinct from (excluded.items, excluded.items_synced, excluded.items_failed, excluded.mappings_synced, excluded.mappings_failed)`);
  return counters.rowCount ?? 0;
}
