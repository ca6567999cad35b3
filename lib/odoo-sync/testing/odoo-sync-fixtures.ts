// Test fixtures for the sync to Odoo: a small sandbox store with its own sandbox Odoo of a chosen
// version (added through the real route), its index read, sync requests through the real route,
// runs executed now in this process, and what the sandbox Odoo and the mappings hold afterwards.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import * as odooSyncRoute from "@/app/api/stores/[storeId]/odoo-sync/route";
import * as sandboxRoute from "@/app/api/stores/sandbox/route";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { getBoss } from "@/lib/jobs/boss";
import { refreshIndexNow } from "@/lib/operations/testing/run-now";
import type { TStoreView } from "@/lib/stores/schemas";
import type { TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { runOdooSyncJob } from "../run-odoo-sync-job";

export async function sandboxStoreWithOdoo(user: TestUser, odooVersion: 16 | 17 | 18 | 19): Promise<TStoreView> {
  const res = await call(sandboxRoute.POST, "POST", "/api/stores/sandbox", {
    cookie: user.cookie,
    body: { size: "small", odooVersion },
  });
  if (res.status !== 201) throw new Error(`add sandbox store failed: ${res.status} ${JSON.stringify(res.body)}`);
  const store = res.body.store as TStoreView;
  await dropQueuedJobs(store.id);
  await refreshIndexNow({ storeId: store.id, organizationId: store.organizationId });
  return store;
}

/** Jobs queued for the store (connect's refresh, the mirror…) removed: the tests run what they need. */
export async function dropQueuedJobs(storeId: string) {
  const runs = await db.select().from(operationRuns).where(eq(operationRuns.storeId, storeId));
  for (const run of runs)
    if (run.jobName && run.jobId && (run.status === "queued" || run.status === "running"))
      await (await getBoss()).deleteJob(run.jobName, run.jobId).catch(() => {});
}

export function requestSync(user: TestUser, store: TStoreView, body: unknown, key: string = randomUUID()) {
  return call(odooSyncRoute.POST, "POST", `/api/stores/${store.id}/odoo-sync`, {
    cookie: user.cookie,
    params: { storeId: store.id },
    body,
    headers: { "idempotency-key": key },
  });
}

/** Runs the sync run's job now in this process (its queued job removed so no worker takes it too). */
export async function syncNow(runId: string, { final = true }: { final?: boolean } = {}) {
  const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  if (!run) throw new Error(`no run ${runId}`);
  if (run.jobName && run.jobId) await (await getBoss()).deleteJob(run.jobName, run.jobId);
  await runOdooSyncJob({
    runId,
    storeId: run.storeId,
    organizationId: run.organizationId,
    job: { id: run.jobId ?? randomUUID(), final },
  });
  const [after] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  return after!;
}

/** Records per model in the store's sandbox Odoo database. */
export async function odooCounts(store: Pick<TStoreView, "id">): Promise<Record<string, number>> {
  const { rows } = await db.execute<{ model: string; n: number }>(sql`
    select r.model, count(*)::int as n from sandbox_odoo_records r
    join sandbox_odoo_databases d on d.id = r.database_id
    join store_odoo_connections c on c.database = d.name
    where c.store_id = ${store.id}
      and r.model in ('res.partner', 'product.template', 'product.product', 'sale.order', 'sale.order.line', 'account.move')
    group by r.model`);
  return Object.fromEntries(rows.map((row) => [row.model, Number(row.n)]));
}

/** The store's sandbox Odoo database name. */
export async function odooDatabaseOf(storeId: string): Promise<{ id: number; name: string }> {
  const { rows } = await db.execute<{ id: number; name: string }>(sql`
    select d.id, d.name from sandbox_odoo_databases d join store_odoo_connections c on c.database = d.name
    where c.store_id = ${storeId}`);
  return rows[0]!;
}

/** Per type: indexed items, and how many of them are synced / failed / not synced. */
export async function syncStates(storeId: string) {
  const { rows } = await db.execute<{ resource_type: ResourceType; status: string | null; n: number }>(sql`
    select i.resource_type, m.status, count(*)::int as n from shopify_index_items i
    left join sync_mappings m on m.store_id = i.store_id and m.resource_type = i.resource_type and m.shopify_id = i.shopify_id
    where i.store_id = ${storeId} group by 1, 2`);
  const out: Record<string, { synced: number; failed: number; not_synced: number }> = {};
  for (const row of rows) {
    const entry = (out[row.resource_type] ??= { synced: 0, failed: 0, not_synced: 0 });
    entry[(row.status ?? "not_synced") as "synced"] += Number(row.n);
  }
  return out;
}

export async function failedMappings(storeId: string) {
  const { rows } = await db.execute<{ resource_type: string; shopify_id: string; last_error: string }>(sql`
    select resource_type, shopify_id, last_error from sync_mappings where store_id = ${storeId} and status = 'failed'
    order by resource_type, shopify_id`);
  return rows;
}
