// A page of a store's items of one type, read from the local index joined with the mappings —
// never from Shopify. Newest Shopify ids first, keyset-paginated on the id; each tab is a range
// of the (store, type, sync_status, id) index, and `q` is a substring match on title, name,
// email, SKU and order name served by the trigram index of `shopify_index_search`. `mirror=failed`
// lists the mappings Shopify refused to store instead, read mapping first (an item deleted in
// Shopify has left the index but keeps its mapping) along the partial index of refused rows.
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

/** The `where` of a list (and its column of Shopify ids), shared by its pages, its seek and its count. */
function listConditions({ storeId, type, tab, q, mirror, afterId }: Omit<QueryOptions, "limit">) {
  // The search text is a table of its own keyed like the item (decision 81): a semi-join the planner
  // starts from the trigram index for a rare term, or merges along the id order for a common one.
  // The cursor bounds both sides, or a merge would walk the search rows from the newest id down to it.
  const search = (alias: "i" | "m") =>
    q
      ? sql`exists (select 1 from shopify_index_search s where ${and([
          sql`s.store_id = ${storeId}`,
          sql`s.resource_type = ${type}`,
          sql`s.shopify_id = ${sql.raw(alias)}.shopify_id`,
          afterId !== null ? sql`s.shopify_id < ${afterId}` : null,
          sql`s.search_text like ${likePattern(q)}`,
        ])})`
      : null;
  if (mirror === "failed") {
    return {
      mapped: true,
      where: and([
        sql`m.store_id = ${storeId}`,
        sql`m.resource_type = ${type}`,
        sql`m.mirror_state = 'failed'`,
        MAPPED_TAB_CONDITION[tab],
        search("m"),
        afterId !== null ? sql`m.shopify_id < ${afterId}` : null,
      ]),
    };
  }
  return {
    mapped: false,
    where: and([
      sql`i.store_id = ${storeId}`,
      sql`i.resource_type = ${type}`,
      TAB_CONDITION[tab],
      search("i"),
      afterId !== null ? sql`i.shopify_id < ${afterId}` : null,
    ]),
  };
}

export function syncItemsQuery(options: QueryOptions): SQL {
  const { mapped, where } = listConditions(options);
  return mapped
    ? sql`select ${MAPPED_ITEM_COLUMNS} from ${MAPPED_ITEM_JOIN} where ${where} order by m.shopify_id desc limit ${options.limit}`
    : sql`select ${SYNC_ITEM_COLUMNS} from ${SYNC_ITEM_JOIN} where ${where} order by i.shopify_id desc limit ${options.limit}`;
}

/**
 * The first Shopify id of page `page` (1-based), or null past the end: an index-only walk of the
 * list's ids that skips the pages before, without reading their rows or joining their mappings.
 * Given the list's `total`, a page in the second half is found from the other end — the walk
 * in ascending order to the same row — so "Last" and pages near it skip a few rows, not a million.
 * Shopify ids are unique within a store and type, so both walks meet the same row.
 */
export function pageStartQuery(
  options: Omit<QueryOptions, "afterId" | "limit"> & { page: number; limit: number; total?: number },
): SQL {
  const { mapped, where } = listConditions({ ...options, afterId: null });
  const skip = (options.page - 1) * options.limit;
  const { total } = options;
  const fromEnd = total !== undefined && skip < total && skip >= total / 2;
  const order = sql.raw(fromEnd ? "asc" : "desc");
  const offset = fromEnd ? total - 1 - skip : skip;
  return mapped
    ? sql`select m.shopify_id from ${MAPPED_ITEM_JOIN} where ${where} order by m.shopify_id ${order} offset ${offset} limit 1`
    : sql`select i.shopify_id from shopify_index_items i where ${where} order by i.shopify_id ${order} offset ${offset} limit 1`;
}

const TAB_TOTAL: Record<SyncTab, SQL> = {
  all: sql`c.items`,
  synced: sql`c.items_synced`,
  failed: sql`c.items_failed`,
  not_synced: sql`c.items - c.items_synced - c.items_failed`,
};

/**
 * A tab's total from the counters the triggers keep (what the overview and the tabs show): it
 * costs nothing whatever the size, so a jump can choose its end. A search or the refused list has
 * no counter; its total is a count as long as the walk it would save, so it walks from the top.
 */
export function tabTotalQuery({ storeId, type, tab }: { storeId: string; type: string; tab: SyncTab }): SQL {
  return sql`select coalesce((select ${TAB_TOTAL[tab]} from sync_status_counts c where c.store_id = ${storeId} and c.resource_type = ${type}), 0)::bigint as total`;
}

/** How many items the list holds, counted up to `cap` + 1 (a search over a big store stops there). */
export function countItemsQuery(options: Omit<QueryOptions, "afterId" | "limit"> & { cap: number }): SQL {
  const { mapped, where } = listConditions({ ...options, afterId: null });
  const from = mapped ? MAPPED_ITEM_JOIN : sql.raw("shopify_index_items i");
  return sql`select count(*)::int as count from (select 1 from ${from} where ${where} limit ${options.cap + 1}) t`;
}

export async function listSyncItems({
  storeId,
  organizationId,
  type,
  tab,
  q,
  mirror,
  after,
  page = 1,
  limit,
}: TSyncItemsQuery & { storeId: string; organizationId: string }): Promise<TSyncItemsPage> {
  await findStore({ storeId, organizationId });
  let afterId = after ? decodeSyncCursor(after) : null;
  // A page by number (a link, a reload, a jump): find where it starts, then read it like any other.
  if (afterId === null && page > 1) {
    let total: number | undefined;
    if (!q && mirror !== "failed") {
      const counted = await db.execute<{ total: string }>(tabTotalQuery({ storeId, type, tab }));
      total = Number(counted.rows[0]?.total ?? 0);
      if ((page - 1) * limit >= total) return { items: [], nextCursor: null };
    }
    const { rows } = await db.execute<{ shopify_id: string }>(
      pageStartQuery({ storeId, type, tab, q, mirror, page, limit, total }),
    );
    if (!rows[0]) return { items: [], nextCursor: null };
    afterId = Number(rows[0].shopify_id) + 1;
  }
  const { rows } = await db.execute<SyncItemRow>(
    syncItemsQuery({ storeId, type, tab, q, mirror, afterId, limit: limit + 1 }),
  );
  const items = rows.slice(0, limit);
  return {
    items: items.map((row) => toSyncItem(type, row)),
    nextCursor: rows.length > limit ? encodeSyncCursor(Number(items.at(-1)!.shopify_id)) : null,
  };
}
