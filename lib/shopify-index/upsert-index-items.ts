// Writes items into the index, newest wins: an item's fields are replaced only by data at least as
// new as what the index holds (Shopify's updatedAt), and items deleted in Shopify (tombstoned) are
// never written back. An import marks every item it read as seen (indexed_at), even when the
// index already held newer data from a webhook, so the import's clean-up keeps it.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/handle";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { IndexRow } from "./index-rows";

type Options = { tx: Db; storeId: string; type: ResourceType; rows: IndexRow[]; mode: "import" | "webhook" };

/** The caller holds the store's sync lock (lockStoreSync) in `tx`. Returns the rows written. */
export async function upsertIndexItems({ tx, storeId, type, rows, mode }: Options): Promise<number> {
  if (rows.length === 0) return 0;
  // One statement may not write a row twice: keep the newest of repeated items.
  const unique = new Map<number, IndexRow>();
  for (const row of rows) {
    const seen = unique.get(row.shopifyId);
    if (!seen || row.updatedAt >= seen.updatedAt) unique.set(row.shopifyId, row);
  }
  const values = JSON.stringify(
    [...unique.values()].map((row) => ({
      shopify_id: row.shopifyId,
      title: row.title,
      email: row.email,
      skus: row.skus,
      order_name: row.orderName,
      updated_at: row.updatedAt.toISOString(),
      created_at: row.createdAt?.toISOString() ?? null,
    })),
  );
  const newer = sql.raw("excluded.shopify_updated_at >= i.shopify_updated_at");
  const pick = (column: string) =>
    sql.raw(
      `${column} = case when excluded.shopify_updated_at >= i.shopify_updated_at then excluded.${column} else i.${column} end`,
    );
  if (mode === "import") return importRows(tx, storeId, type, values);
  const result = await tx.execute(sql`
    insert into shopify_index_items as i (store_id, resource_type, shopify_id, title, email, skus, order_name, shopify_updated_at, shopify_created_at, indexed_at)
    select ${storeId}, ${type}, v.shopify_id, coalesce(v.title, ''), v.email, coalesce(v.skus, '{}'), v.order_name, v.updated_at, v.created_at, now()
    from jsonb_to_recordset(${values}::jsonb) as v(shopify_id bigint, title text, email text, skus text[], order_name text, updated_at timestamptz, created_at timestamptz)
    where not exists (select 1 from shopify_index_tombstones t where t.store_id = ${storeId} and t.resource_type = ${type} and t.shopify_id = v.shopify_id)
    on conflict (store_id, resource_type, shopify_id) do update set
      ${pick("title")}, ${pick("email")}, ${pick("skus")}, ${pick("order_name")},
      shopify_created_at = coalesce(excluded.shopify_created_at, i.shopify_created_at),
      shopify_updated_at = greatest(i.shopify_updated_at, excluded.shopify_updated_at), indexed_at = now()
    where ${newer}`);
  return result.rowCount ?? 0;
}

// An import's batch: the row value the per-row trigger would set — the mapping's status, read
// under the store's sync lock the caller holds — computed for the whole batch in the statement,
// and the trigger told to leave these rows alone (decision 66). The search rows are the items'
// statement triggers' (decision 81): one insert per batch, and only changed texts on conflict.
// The status is set on conflict too: it is the mapping's, read under the lock, so a batch whose
// mappings were just written skipped their copy onto the index (decision 70). The setting is the
// transaction's and is cleared right after.
async function importRows(tx: Db, storeId: string, type: ResourceType, values: string): Promise<number> {
  const pick = (column: string) =>
    sql.raw(
      `${column} = case when excluded.shopify_updated_at >= i.shopify_updated_at then excluded.${column} else i.${column} end`,
    );
  await tx.execute(sql`select set_config('synco.index_row_values', 'given', true)`);
  const result = await tx.execute(sql`
    insert into shopify_index_items as i (store_id, resource_type, shopify_id, title, email, skus, order_name, shopify_updated_at, shopify_created_at, indexed_at, sync_status)
    select ${storeId}, ${type}, v.shopify_id, v.title, v.email, v.skus, v.order_name, v.updated_at, v.created_at, now(), m.status
    from (
      select shopify_id, coalesce(title, '') as title, email, coalesce(skus, '{}') as skus, order_name, updated_at, created_at
      from jsonb_to_recordset(${values}::jsonb) as r(shopify_id bigint, title text, email text, skus text[], order_name text, updated_at timestamptz, created_at timestamptz)
    ) as v
    left join sync_mappings m on m.store_id = ${storeId} and m.resource_type = ${type} and m.shopify_id = v.shopify_id
    where not exists (select 1 from shopify_index_tombstones t where t.store_id = ${storeId} and t.resource_type = ${type} and t.shopify_id = v.shopify_id)
    on conflict (store_id, resource_type, shopify_id) do update set
      ${pick("title")}, ${pick("email")}, ${pick("skus")}, ${pick("order_name")},
      sync_status = excluded.sync_status,
      shopify_created_at = coalesce(excluded.shopify_created_at, i.shopify_created_at),
      shopify_updated_at = greatest(i.shopify_updated_at, excluded.shopify_updated_at), indexed_at = now()`);
  await tx.execute(sql`select set_config('synco.index_row_values', '', true)`);
  return result.rowCount ?? 0;
}

/** Adds SKUs of variants that arrived after their product was written (bulk lines out of order). */
export async function addIndexSkus({
  tx,
  storeId,
  skus,
}: {
  tx: Db;
  storeId: string;
  skus: Map<number, string[]>;
}): Promise<void> {
  if (skus.size === 0) return;
  const values = JSON.stringify([...skus].map(([shopifyId, list]) => ({ shopify_id: shopifyId, skus: list })));
  await tx.execute(sql`
    update shopify_index_items i set skus = array(select distinct unnest(i.skus || v.skus))
    from jsonb_to_recordset(${values}::jsonb) as v(shopify_id bigint, skus text[])
    where i.store_id = ${storeId} and i.resource_type = 'product' and i.shopify_id = v.shopify_id`);
}
