// What a store needs once it is connected (and, for sandbox stores, seeded): its index of Shopify
// items filled, and any mapping writes Shopify has not seen yet (from before a disconnect)
// mirrored. Called inside the transaction that connects the store or marks it seeded, so the jobs
// exist exactly when that commits. Sandbox stores first turn their seeded sync state into mapping
// rows; that job queues the index refresh (one chain: seed → mappings → index).
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/handle";
import { syncMappings } from "@/db/schema/mappings";
import type { Store } from "@/db/schema/stores";
import { enqueue } from "@/lib/jobs/enqueue";
import { enqueueIndexRefresh, markIndexRefreshQueued } from "./enqueue-index-refresh";

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
      if (jobId) await markIndexRefreshQueued(tx, store.id, null);
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
