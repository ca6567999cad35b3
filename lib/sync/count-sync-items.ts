// How many items a list holds, for a search's "N results": counted, but only up to a cap, so a
// broad term over a big store answers as fast as a page does ("10,000+").
import { db } from "@/db/client";
import { findStore } from "@/lib/stores/find-store";
import { countItemsQuery } from "./list-sync-items";
import { SYNC_COUNT_CAP, type TSyncItemsCount, type TSyncItemsCountQuery } from "./schemas";

export async function countSyncItems({
  storeId,
  organizationId,
  type,
  tab,
  q,
  mirror,
}: TSyncItemsCountQuery & { storeId: string; organizationId: string }): Promise<TSyncItemsCount> {
  await findStore({ storeId, organizationId });
  const { rows } = await db.execute<{ count: number }>(
    countItemsQuery({ storeId, type, tab, q, mirror, cap: SYNC_COUNT_CAP }),
  );
  const count = rows[0]?.count ?? 0;
  return count > SYNC_COUNT_CAP ? { count: SYNC_COUNT_CAP, capped: true } : { count, capped: false };
}
