// Metafields of a seeded store: the sync state of a chosen share of its orders, customers and
// products (namespace of the store, key `sync`, type json), then other apps' metafields until
// the store holds the wanted total. Needs the temp tables of seed-catalog.ts and seed-orders.ts.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { SEED_PERIOD_DAYS, type SeedStep } from "./seed-catalog";
import { seededInt, seededPick, seededShare, SYNC_ERRORS, WORDS } from "./seed-random";

export type SyncShares = { namespace: string; syncedShare: number; failedShare: number };

/** First Odoo id of a resource type for this seed: ids are this base plus the item's ordinal. */
export function odooIdBase(seed: number, kind: "order" | "customer" | "product" | "invoice"): number {
  const digest = createHash("md5").update(`${seed}:odoo-base:${kind}`).digest();
  return 1000 * (1 + (digest.readUInt32BE(0) % 900));
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

export async function seedSyncMetafields(
  { tx, shopId, seed, startAt }: SeedStep,
  { namespace, syncedShare, failedShare }: SyncShares,
): Promise<number> {
  await tx.execute(sql`
    create temp table seed_items on commit drop as
    select (row_number() over (order by rank, ord)) - 1 as idx, owner_type, kind, ord, id, created_at from (
      select 1 as rank, 'ORDER' as owner_type, 'order' as kind, ord, id, created_at from seed_orders
      union all select 2, 'CUSTOMER', 'customer', ord, id, created_at from seed_customers
      union all select 3, 'PRODUCT', 'product', ord, id, created_at from seed_products
    ) as items`);
  const key = sql`i.kind || ':' || i.ord`;
  const base = (kind: "order" | "customer" | "product") => odooIdBase(seed, kind);
  // An item syncs (or fails to) 1–72 hours after it was created, but never after the seeded
  // period ends (today, by default): an item created last night is not "synced in 2 days".
  const periodEnd = new Date(startAt.getTime() + SEED_PERIOD_DAYS * 86_400_000).toISOString();
  const result = await tx.execute(sql`
    insert into sandbox_shopify_metafields (shop_id, owner_type, owner_id, namespace, key, type, value, created_at, updated_at)
    select ${shopId}, owner_type, id, ${namespace}, 'sync', 'json',
      case
        when share >= ${syncedShare}::float8 then
          '{"status":"failed","error":' || to_json(error)::text || ',"synced_at":"' || ${iso("synced_at")} || '"}'
        when kind = 'order' then
          '{"odoo_id":' || (${base("order")}::int + ord) || ',"odoo_invoice_id":' || (${odooIdBase(seed, "invoice")}::int + ord)
            || ',"status":"synced","synced_at":"' || ${iso("synced_at")} || '"}'
        else
          '{"odoo_id":' || (case kind when 'customer' then ${base("customer")}::int else ${base("product")}::int end + ord)
            || ',"status":"synced","synced_at":"' || ${iso("synced_at")} || '"}'
      end,
      synced_at, synced_at
    from (
      select i.*, ${seededShare(seed, "sync-state", key)} as share,
        date_trunc('second', least(
          i.created_at + (1 + ${seededInt(seed, "synced-after", key)} % 72) * interval '1 hour',
          greatest(i.created_at + interval '1 minute', ${periodEnd}::timestamptz))) as synced_at,
        case i.kind
          when 'order' then ${seededPick(seed, "sync-error", key, SYNC_ERRORS.order)}
          when 'customer' then ${seededPick(seed, "sync-error", key, SYNC_ERRORS.customer)}
          else ${seededPick(seed, "sync-error", key, SYNC_ERRORS.product)}
        end as error
      from seed_items i
    ) as items
    where share < ${syncedShare + failedShare}::float8
    order by idx`);
  return result.rowCount ?? 0;
}

/** Metafields other apps keep on the same items (`custom` namespace), round-robin over the items. */
export async function seedOtherMetafields({ tx, shopId, seed }: SeedStep, count: number): Promise<number> {
  if (count <= 0) return 0;
  const items = await tx.execute<{ n: number }>(sql`select count(*)::int as n from seed_items`);
  const n = Number(items.rows[0]?.n ?? 0);
  if (n === 0) return 0;
  const result = await tx.execute(sql`
    insert into sandbox_shopify_metafields (shop_id, owner_type, owner_id, namespace, key, type, value, created_at, updated_at)
    select ${shopId}, i.owner_type, i.id, 'custom',
      case s.slot when 0 then 'gift_note' when 1 then 'loyalty_points' when 2 then 'source' else 'note_' || s.slot end,
      case s.slot when 1 then 'number_integer' else 'single_line_text_field' end,
      case s.slot when 1 then (${seededInt(seed, "points", sql`g`)} % 5000)::text
        else ${seededPick(seed, "note", sql`g`, [...WORDS.adjectives, ...WORDS.vendors])} end,
      i.created_at, i.created_at
    from generate_series(0, ${count - 1}::int) as g
    cross join lateral (select g / ${n}::int as slot, g % ${n}::int as idx) as s
    join seed_items i on i.idx = s.idx
    order by g`);
  return result.rowCount ?? 0;
}
