import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import type { Store } from "@/db/schema/stores";
import type { OperationStatus } from "@/lib/vocabulary/operations";
import type { TStoreView } from "./schemas";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * The browser's view of a store: an explicit allow-list, so credential columns can never leak.
 * `seedStatus` comes from the store's latest seed run (storeViews); a sandbox store
 * without one was seeded when it was added.
 */
export function toStoreView(store: Store, { seedStatus }: { seedStatus?: TStoreView["seedStatus"] } = {}): TStoreView {
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
    syncPaused: store.syncPaused,
    connectedAt: iso(store.connectedAt),
    disconnectedAt: iso(store.disconnectedAt),
    lastActivityAt: iso(store.lastActivityAt),
    createdAt: store.createdAt.toISOString(),
  };
}

/** Views of these stores, each with the state of its latest seed run (one query for all). */
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
  return rows.map((row) => {
    const status = seeds.get(row.id);
    return toStoreView(row, { seedStatus: status ? SEED_STATUS[status] : undefined });
  });
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
