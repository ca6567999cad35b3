// Whether the store's mappings may be written to Shopify now: not while its `sync_paused` flag is
// set, nor while a clear of the store is queued or running — the clear deletes the metafields the
// mirror would write (a clear's run is its pause: it ends with the run however the run ends).
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import type { Store } from "@/db/schema/stores";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";

export async function syncPausedFor(store: Pick<Store, "id" | "syncPaused">): Promise<boolean> {
  if (store.syncPaused) return true;
  const [clear] = await db
    .select({ id: operationRuns.id })
    .from(operationRuns)
    .where(
      and(
        eq(operationRuns.storeId, store.id),
        eq(operationRuns.kind, "clear"),
        inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
      ),
    )
    .limit(1);
  return clear !== undefined;
}
