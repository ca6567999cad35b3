// The store's sync queue: what requests put in and runs take out. The run lock is the one
// enqueueRun takes before it starts a clear or a sync, so a request, a clear's start and a sync
// run's end never interleave.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/handle";
import { ODOO_SYNC_ORDER } from "@/lib/vocabulary/odoo-sync";
import type { ResourceType } from "@/lib/vocabulary/sync";

/** Items waiting, per type. */
export async function queueCounts(handle: Db, storeId: string): Promise<Record<ResourceType, number>> {
  const { rows } = await handle.execute<{ resource_type: ResourceType; n: number }>(sql`
    select resource_type, count(*)::int as n from odoo_sync_queue where store_id = ${storeId} group by resource_type`);
  const counts = Object.fromEntries(ODOO_SYNC_ORDER.map((type) => [type, 0])) as Record<ResourceType, number>;
  for (const row of rows) counts[row.resource_type] = Number(row.n);
  return counts;
}

/** The next items of a type, in Shopify id order. */
export async function nextQueued(handle: Db, storeId: string, type: ResourceType, limit: number): Promise<number[]> {
  const { rows } = await handle.execute<{ shopify_id: string }>(sql`
    select shopify_id from odoo_sync_queue where store_id = ${storeId} and resource_type = ${type}
    order by shopify_id limit ${limit}`);
  return rows.map((row) => Number(row.shopify_id));
}

export async function dequeue(tx: Db, storeId: string, type: ResourceType, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    delete from odoo_sync_queue where store_id = ${storeId} and resource_type = ${type}
      and shopify_id = any(${`{${ids.join(",")}}`}::bigint[])`);
}

/**
 * A cancelled sync's items leave the queue (decision 103): those queued, or asked for again, no
 * later than its cancel was asked. Every entry then belongs to it (a request joins the store's one
 * sync run); one asked for after the cancel is kept for the follow-up run. Under the run lock.
 */
export async function dropCancelledItems(tx: Db, storeId: string, runId: string): Promise<number> {
  const result = await tx.execute(sql`
    delete from odoo_sync_queue where store_id = ${storeId}
      and requested_at <= (select cancel_requested_at from operation_runs where id = ${runId} and status = 'cancelled')`);
  return result.rowCount ?? 0;
}
