// Per type: how many indexed items there are, synced, failed and not synced (from the counters the
// triggers keep, so the answer costs the same for ten items or a million), and when an item of the
// type last synced and how many of its mappings Shopify refused to store; plus the index's
// refresh state and the mirror's backlog.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { getIndexStatus } from "@/lib/shopify-index/index-status";
import { findStore } from "@/lib/stores/find-store";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import type { TSyncOverviewResponse, TSyncTypeCounts } from "./schemas";

const MIRROR_COUNT_CAP = 10_000;

type CountsRow = {
  resource_type: ResourceType;
  items: string;
  items_synced: string;
  items_failed: string;
  last_synced_at: Date | null;
};

/** The counts query, on its own so the benchmark measures exactly what the route runs. */
export const syncCountsQuery = (storeId: string) => sql`
  select t.resource_type, coalesce(c.items, 0) as items, coalesce(c.items_synced, 0) as items_synced, coalesce(c.items_failed, 0) as items_failed,
    (select m.synced_at from sync_mappings m
      where m.store_id = ${storeId} and m.resource_type = t.resource_type and m.status = 'synced' and m.synced_at is not null
      order by m.synced_at desc limit 1) as last_synced_at
  from (values ('product'), ('customer'), ('order')) as t(resource_type)
  left join sync_status_counts c on c.store_id = ${storeId} and c.resource_type = t.resource_type`;

export async function getSyncOverview({
  storeId,
  organizationId,
}: {
  storeId: string;
  organizationId: string;
}): Promise<TSyncOverviewResponse> {
  await findStore({ storeId, organizationId });
  const [counts, pending, refused, index] = await Promise.all([
    db.execute<CountsRow>(syncCountsQuery(storeId)),
    db.execute<{ pending: number }>(sql`
      select count(*)::int as pending from (select 1 from sync_mappings where store_id = ${storeId} and mirror_state = 'pending' limit ${MIRROR_COUNT_CAP}) p`),
    // Per type, so the overview can link each type's refused items; the cap holds for the store.
    db.execute<{ resource_type: ResourceType; failed: number }>(sql`
      select resource_type, count(*)::int as failed
      from (select resource_type from sync_mappings where store_id = ${storeId} and mirror_state = 'failed' limit ${MIRROR_COUNT_CAP}) f
      group by resource_type`),
    getIndexStatus({ storeId }),
  ]);
  const mirrorFailed = new Map(refused.rows.map((row) => [row.resource_type, Number(row.failed)]));
  const types = Object.fromEntries(
    RESOURCE_TYPES.map((type) => [type, emptyCounts(mirrorFailed.get(type) ?? 0)]),
  ) as Record<ResourceType, TSyncTypeCounts>;
  for (const row of counts.rows) {
    const total = Number(row.items);
    const synced = Number(row.items_synced);
    const failed = Number(row.items_failed);
    types[row.resource_type] = {
      total,
      synced,
      failed,
      notSynced: total - synced - failed,
      lastSyncedAt: row.last_synced_at ? new Date(row.last_synced_at).toISOString() : null,
      mirrorFailed: mirrorFailed.get(row.resource_type) ?? 0,
    };
  }
  const failed = [...mirrorFailed.values()].reduce((sum, count) => sum + count, 0);
  return { overview: { storeId, types, index, mirror: { pending: pending.rows[0]?.pending ?? 0, failed } } };
}

const emptyCounts = (mirrorFailed: number): TSyncTypeCounts => ({
  total: 0,
  synced: 0,
  failed: 0,
  notSynced: 0,
  lastSyncedAt: null,
  mirrorFailed,
});
