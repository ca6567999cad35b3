// "Refresh from Shopify": queues the store's index refresh (one at a time per store) and answers
// with its state; asking while one is queued or running returns that one.
import { db } from "@/db/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { enqueueIndexRefresh } from "@/lib/stores/enqueue-index-refresh";
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
  const { jobId } = await db.transaction(async (tx) => {
    const queued = await enqueueIndexRefresh({ tx, storeId, organizationId });
    if (queued.jobId)
      await recordAudit(tx, actor, {
        organizationId,
        storeId,
        action: "sync.index_refresh_requested",
        target: store.shopDomain,
        details: { jobId: queued.jobId },
      });
    return queued;
  });
  return { refresh: await getIndexStatus({ storeId }), alreadyQueued: jobId === null };
}
