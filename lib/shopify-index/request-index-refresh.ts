// "Refresh from Shopify": queues an `index_refresh` run of the store (one at a time per store)
// and answers with the index's state; asking while one is queued or running returns that one.
import { db } from "@/db/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { enqueueRun } from "@/lib/jobs/enqueue-run";
import { findStore } from "@/lib/stores/find-store";
import { getIndexStatus } from "./index-status";
import type { TRequestIndexRefreshResponse } from "./schemas";

export async function requestIndexRefresh({
  storeId,
  organizationId,
  actor,
}: {
  storeId: string;
  organizationId: string;
  actor: Actor;
}): Promise<TRequestIndexRefreshResponse> {
  const store = await findStore({ storeId, organizationId });
  if (store.status === "disconnected")
    throw new AppError("conflict", "This store is disconnected: connect it again first");
  // A store whose first refresh never succeeded has not read its sync state from Shopify yet.
  const firstRead = !(await getIndexStatus({ storeId })).refreshedAt;
  const { run, created } = await db.transaction(async (tx) => {
    const queued = await enqueueRun(
      "shopify-index.refresh",
      { storeId, organizationId },
      { tx, actor, trigger: "user", scope: firstRead ? { syncState: true } : {} },
    );
    if (queued.created)
      await recordAudit(tx, actor, {
        organizationId,
        storeId,
        action: "sync.index_refresh_requested",
        target: store.shopDomain,
        details: { runId: queued.run.id },
      });
    return queued;
  });
  return { refresh: await getIndexStatus({ storeId }), runId: run.id, alreadyQueued: !created };
}
