// What a store needs once it is connected (and, for sandbox stores, seeded): its index of Shopify
// items filled — an `index_refresh` run — and any mapping writes Shopify has not seen yet (from
// before a disconnect) mirrored. Called inside the transaction that connects the store or ends
// its seeding, so the run and the jobs exist exactly when that commits. The first refresh also
// reads the sync state an earlier install left in the store's metafields into mapping rows.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/handle";
import { syncMappings } from "@/db/schema/mappings";
import type { Store } from "@/db/schema/stores";
import { enqueue } from "@/lib/jobs/enqueue";
import { enqueueRun } from "@/lib/jobs/enqueue-run";

export async function startStoreSync(
  tx: Db,
  store: Pick<Store, "id" | "organizationId" | "status">,
  {
    seeding = false,
    after = "connect",
  }: {
    /** A seed run is queued: it calls this again when the shop holds its items. */
    seeding?: boolean;
    after?: "connect" | "seed";
  } = {},
): Promise<void> {
  if (store.status === "disconnected") return;
  const target = { storeId: store.id, organizationId: store.organizationId };
  if (!seeding)
    await enqueueRun("shopify-index.refresh", target, {
      tx,
      trigger: after,
      scope: { syncState: true },
    });
  const [pending] = await tx
    .select({ id: syncMappings.shopifyId })
    .from(syncMappings)
    .where(and(eq(syncMappings.storeId, store.id), eq(syncMappings.mirrorState, "pending")))
    .limit(1);
  if (pending) await enqueue("mappings.mirror", target, { tx, singletonKey: store.id });
}
