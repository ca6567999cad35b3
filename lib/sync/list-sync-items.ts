// A page of a store's items of one type, read from the local index joined with the mappings —
// never from Shopify. Newest Shopify ids first, keyset-paginated on the id; each tab is a range
// of the (store, type, sync_status, id) index, and `q` is a substring match on title, name,
// email, SKU and order name served by a trigram index. `mirror=failed` lists the mappings
// Shopify refused to store instead, read mapping first (an item deleted in Shopify has left the
// index but keeps its mapping) along the partial index of refused rows.
import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { findStore } from "@/lib/stores/find-store";
import type { SyncMirrorFilter, SyncTab } from "@/lib/vocabulary/sync";
import type { TSyncItemsPage, TSyncItemsQuery } from "./schemas";
import { decodeSyncCursor, encodeSyncCursor } from "./sync-cursor";
import {
  MAPPED_ITEM_COLUMNS,
  MAPPED_ITEM_JOIN,
  SYNC_ITEM_COLUMNS,
  SYNC_ITEM_JOIN,
  toSyncItem,
  type SyncItemRow,
} from "./sync-item-row";

const TAB_CONDITION: Record<SyncTab, SQL | null> = {
  all: null,
  synced: sql`i.sync_status = 'synced'`,
  failed: sql`i.sync_status = 'failed'`,
  not_synced: sql`i.sync_status is null`,
};

/** The tabs over mapping rows: every mapping is synced or failed, so none is "not synced". */
const MAPPED_TAB_CONDITION: Record<SyncTab, SQL | null> = {
  all: null,
  synced: sql`m.status = 'synced'`,
  failed: sql`m.status = 'failed'`,
  not_synced: sql`false`,
};

/** `%term%` for LIKE on the lower-cased search text, with the user's % _ \ taken literally. */
export const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type QueryOptions = {
  storeId: string;
  type: string;
  tab: SyncTab;
  q?: string;
  mirror?: SyncMirrorFilter;
  afterId: number | null;
  limit: number;
};

const and = (conditions: (SQL | null)[]) =>
  sql.join(
    conditions.filter((c): c is SQL => c !== null),
    sql` and `,
  );

export function syncItemsQuery({ storeId, type, tab, q, mirror, afterId, limit }: QueryOptions): SQL {
  const search = q ? sql`i.search_text like ${likePattern(q)}` : null;
  if (mirror === "failed") {
    const conditions = [
      sql`m.store_id = ${storeId}`,
      sql`m.resource_type = ${type}`,
      sql`m.mirror_state = 'failed'`,
      MAPPED_TAB_CONDITION[tab],
      search,
      afterId !== null ? sql`m.shopify_id < ${afterId}` : null,
    ];
    return sql`select ${MAPPED_ITEM_COLUMNS} from ${MAPPED_ITEM_JOIN} where ${and(conditions)} order by m.shopify_id desc limit ${limit}`;
  }
  const conditions = [
    sql`i.store_id = ${storeId}`,
    sql`i.resource_type = ${type}`,
    TAB_CONDITION[tab],
    search,
    afterId !== null ? sql`i.shopify_id < ${afterId}` : null,
  ];
  return sql`select ${SYNC_ITEM_COLUMNS} from ${SYNC_ITEM_JOIN} where ${and(conditions)} order by i.shopify_id desc limit ${limit}`;
}

export async function listSyncItems({
  storeId,
  organizationId,
  type,
  tab,
  q,
  mirror,
  after,
  limit,
}: TSyncItemsQuery & { storeId: string; organizationId: string }): Promise<TSyncItemsPage> {
  const afterId = after ? decodeSyncCursor(after) : null;
  await findStore({ storeId, organizationId });
  const { rows } = await db.execute<SyncItemRow>(
    syncItemsQuery({ storeId, type, tab, q, mirror, afterId, limit: limit + 1 }),
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => toSyncItem(type, row)),
    nextCursor: rows.length > limit ? encodeSyncCursor(Number(page.at(-1)!.shopify_id)) : null,
  };
}
