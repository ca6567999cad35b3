// The index's refresh state as the overview shows it, read from the store's `index_refresh`
// runs: never refreshed, queued, running, succeeded, failed or cancelled (the latest run), and
// when the last successful one started — the index holds Shopify as of then, plus webhooks since.
import { and, desc, eq } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import type { TIndexStatusView } from "./schemas";

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

export function toIndexStatusView(
  latest: OperationRun | undefined,
  succeeded: OperationRun | undefined,
): TIndexStatusView {
  const state = latest?.status ?? "never";
  const refreshedAt = succeeded
    ? ((succeeded.summary?.refreshedAt as string | undefined) ?? iso(succeeded.startedAt))
    : null;
  return {
    state,
    refreshing: state === "queued" || state === "running",
    runId: latest?.id ?? null,
    refreshedAt,
    requestedAt: iso(latest?.createdAt),
    startedAt: iso(latest?.startedAt),
    finishedAt: iso(latest?.finishedAt),
    lastError: latest?.status === "failed" ? latest.error : null,
    imported: succeeded
      ? Object.fromEntries(Object.entries(succeeded.counters).map(([type, counter]) => [type, counter.done]))
      : null,
  };
}

/** The caller has checked the store's organization. */
export async function getIndexStatus({
  storeId,
  db = defaultDb,
}: {
  storeId: string;
  db?: Db;
}): Promise<TIndexStatusView> {
  const ofStore = and(eq(operationRuns.storeId, storeId), eq(operationRuns.kind, "index_refresh"));
  const [[latest], [succeeded]] = await Promise.all([
    db.select().from(operationRuns).where(ofStore).orderBy(desc(operationRuns.createdAt)).limit(1),
    db
      .select()
      .from(operationRuns)
      .where(and(ofStore, eq(operationRuns.status, "succeeded")))
      .orderBy(desc(operationRuns.createdAt))
      .limit(1),
  ]);
  return toIndexStatusView(latest, succeeded);
}
