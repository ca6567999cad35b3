// What a store needs once it is connected (and, for sandbox stores, seeded): its index of Shopify
// items filled, and any mapping writes Shopify has not seen yet (from before a disconnect)
// mirrored. Called inside the transaction that connects the store or marks it seeded, so the jobs
// exist exactly when that commits. Sandbox stores first turn their seeded sync state into mapping
// rows; that job queues the index refresh (one chain: seed → mappings → index).
import { and, eq, sql } from "drizzle-orm";
import { syncMappings } from "@/db/schema/mappings";
import { shopifyIndexStatus } from "@/db/schema/shopify-index";
import type { Store } from "@/db/schema/stores";
import { enqueue } from "@/lib/jobs/enqueue";
import type { Db } from "@/db/handle";
import { enqueueIndexRefresh } from "@/lib/stores/enqueue-index-refresh";

export async function startStoreSync(
  tx: Db,
  store: Pick<Store, "id" | "organizationId" | "kind" | "seedStatus" | "status">,
): Promise<void> {
  if (store.status === "disconnected") return;
  const payload = { storeId: store.id, organizationId: store.organizationId };
  if (store.kind === "sandbox") {
    // A sandbox store still seeding gets here again from the seed job.
    if (store.seedStatus === "ready") {
      const jobId = await enqueue("mappings.import-sandbox-sync-state", payload, { tx, singletonKey: store.id });
      // The chain ends in the index refresh: show it as on its way from now on.
      const queued = {
        state: "queued" as const,
        jobId: null,
        requestedAt: sql`now()`,
        lastError: null,
        updatedAt: sql`now()`,
      };
      if (jobId)
        await tx
          .insert(shopifyIndexStatus)
          .values({ storeId: store.id, ...queued })
          .onConflictDoUpdate({ target: shopifyIndexStatus.storeId, set: queued });
    }
  } else {
    await enqueueIndexRefresh({ tx, ...payload });
  }
  const [pending] = await tx
    .select({ id: syncMappings.shopifyId })
    .from(syncMappings)
    .where(and(eq(syncMappings.storeId, store.id), eq(syncMappings.mirrorState, "pending")))
    .limit(1);
  if (pending) await enqueue("mappings.mirror", payload, { tx, singletonKey: store.id });
}
