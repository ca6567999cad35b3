// Queues a refresh of the store's index unless one is already queued or running (one per store:
// the queue is exclusive per singleton key), and shows it as queued. Pass the caller's
// transaction so the job exists only if the change that asked for it commits.
import { sql } from "drizzle-orm";
import { shopifyIndexStatus } from "@/db/schema/shopify-index";
import { enqueue } from "@/lib/jobs/enqueue";
import type { Db } from "@/db/handle";

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
  if (jobId) {
    const queued = { state: "queued" as const, jobId, requestedAt: sql`now()`, lastError: null, updatedAt: sql`now()` };
    await tx
      .insert(shopifyIndexStatus)
      .values({ storeId, ...queued })
      .onConflictDoUpdate({ target: shopifyIndexStatus.storeId, set: queued });
  }
  return { jobId };
}
