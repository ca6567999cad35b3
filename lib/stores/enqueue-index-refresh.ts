// Queues a refresh of the store's index unless one is already queued or running (one per store:
// the queue is exclusive per singleton key), and shows it as queued. Pass the caller's
// transaction so the job exists only if the change that asked for it commits. The index lives a
// layer up (lib/shopify-index); a store reaches it only by the job's name.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/handle";
import { shopifyIndexStatus } from "@/db/schema/shopify-index";
import { enqueue } from "@/lib/jobs/enqueue";

export async function enqueueIndexRefresh({
  tx,
  storeId,
  organizationId,
}: {
  tx: Db;
  storeId: string;
  organizationId: string;
}): Promise<{ jobId: string | null }> {
  const jobId = await enqueue("shopify-index.refresh", { storeId, organizationId }, { tx, singletonKey: storeId });
  if (jobId) await markIndexRefreshQueued(tx, storeId, jobId);
  return { jobId };
}

/** Shows the store's index refresh as on its way; `jobId` null when a job earlier in a chain will queue it. */
export async function markIndexRefreshQueued(tx: Db, storeId: string, jobId: string | null): Promise<void> {
  const queued = { state: "queued" as const, jobId, requestedAt: sql`now()`, lastError: null, updatedAt: sql`now()` };
  await tx
    .insert(shopifyIndexStatus)
    .values({ storeId, ...queued })
    .onConflictDoUpdate({ target: shopifyIndexStatus.storeId, set: queued });
}
