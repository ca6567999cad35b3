import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { syncStatusCounts } from "@/db/schema/mappings";
import { operationRuns } from "@/db/schema/operations";
import type { Store } from "@/db/schema/stores";
import type { OperationStatus } from "@/lib/vocabulary/operations";
import type { TStoreSyncHealth, TStoreView } from "./schemas";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * The browser's view of a store: an explicit allow-list, so credential columns can never leak.
 * `seedStatus` comes from the store's latest seed run (storeViews); a sandbox store
 * without one was seeded when it was added.
 */
const NO_SYNC_YET: TStoreSyncHealth = { refresh: "never", refreshError: null, failed: 0 };

export function toStoreView(
  store: Store,
  { seedStatus, sync = NO_SYNC_YET }: { seedStatus?: TStoreView["seedStatus"]; sync?: TStoreSyncHealth } = {},
): TStoreView {
  return {
    id: store.id,
    organizationId: store.organizationId,
    kind: store.kind,
    connectionMethod: store.connectionMethod,
    shopDomain: store.shopDomain,
    name: store.name,
    apiVersion: store.apiVersion,
    metafieldNamespace: store.metafieldNamespace,
    status: store.status,
    sandboxSize: store.sandboxSize,
    seedStatus: store.kind === "sandbox" ? (seedStatus ?? "ready") : null,
    sync,
    syncPaused: store.syncPaused,
    autoSync: store.autoSync,
    connectedAt: iso(store.connectedAt),
    disconnectedAt: iso(store.disconnectedAt),
    lastActivityAt: iso(store.lastActivityAt),
    createdAt: store.createdAt.toISOString(),
  };
}

/**
 * Views of these stores, each with the state of its latest seed run and its sync health (the
 * latest refresh, the failed mappings from the counters): three queries for all of them.
 */
export async function storeViews(rows: Store[]): Promise<TStoreView[]> {
  const sandboxIds = rows.filter((row) => row.kind === "sandbox").map((row) => row.id);
  const seeds = new Map<string, OperationStatus>();
  if (sandboxIds.length) {
    const latest = await db
      .selectDistinctOn([operationRuns.storeId], { storeId: operationRuns.storeId, status: operationRuns.status })
      .from(operationRuns)
      .where(and(inArray(operationRuns.storeId, sandboxIds), eq(operationRuns.kind, "seed")))
      .orderBy(operationRuns.storeId, desc(operationRuns.createdAt));
    for (const { storeId, status } of latest) seeds.set(storeId, status);
  }
  const health = await syncHealth(rows.map((row) => row.id));
  return rows.map((row) => {
    const status = seeds.get(row.id);
    return toStoreView(row, { seedStatus: status ? SEED_STATUS[status] : undefined, sync: health.get(row.id) });
  });
}

async function syncHealth(storeIds: string[]): Promise<Map<string, TStoreSyncHealth>> {
  const health = new Map<string, TStoreSyncHealth>();
  if (storeIds.length === 0) return health;
  const [refreshes, failed] = await Promise.all([
    db
      .selectDistinctOn([operationRuns.storeId], {
        storeId: operationRuns.storeId,
        status: operationRuns.status,
        error: operationRuns.error,
      })
      .from(operationRuns)
      .where(and(inArray(operationRuns.storeId, storeIds), eq(operationRuns.kind, "index_refresh")))
      .orderBy(operationRuns.storeId, desc(operationRuns.createdAt)),
    db
      .select({ storeId: syncStatusCounts.storeId, failed: sql<number>`sum(${syncStatusCounts.mappingsFailed})::int` })
      .from(syncStatusCounts)
      .where(inArray(syncStatusCounts.storeId, storeIds))
      .groupBy(syncStatusCounts.storeId),
  ]);
  for (const id of storeIds) health.set(id, { ...NO_SYNC_YET });
  for (const run of refreshes)
    Object.assign(health.get(run.storeId)!, {
      refresh: run.status,
      refreshError: run.status === "failed" ? run.error : null,
    });
  for (const row of failed) health.get(row.storeId)!.failed = row.failed;
  return health;
}

export async function storeView(row: Store): Promise<TStoreView> {
  return (await storeViews([row]))[0]!;
}

const SEED_STATUS: Record<OperationStatus, NonNullable<TStoreView["seedStatus"]>> = {
  queued: "seeding",
  running: "seeding",
  succeeded: "ready",
  failed: "failed",
  cancelled: "failed",
};
