// Products with SKU'd variants (some with barcodes) and customers with unique emails (most with
// phones), written with INSERT … SELECT over generate_series. Temp tables keep each item's ordinal
// next to its new id, so orders and metafields can refer to items by ordinal afterwards. Must run
// inside one transaction.
import { sql } from "drizzle-orm";
import type { SandboxDb } from "../sandbox-db";
import { seededInt, seededPick, WORDS } from "./seed-random";

export type SeedStep = { tx: SandboxDb; shopId: number; seed: number; startAt: Date };

const DAY = 86_400;

/** Items are created over this many days from `startAt` (products in the first 30, orders after them). */
export const SEED_PERIOD_DAYS = 365;
const at = (startAt: Date, offsetSeconds: ReturnType<typeof sql>) =>
  sql`(${startAt.toISOString()}::timestamptz + (${offsetSeconds}) * interval '1 second')`;

export async function seedProducts({ tx, shopId, seed, startAt }: SeedStep, count: number): Promise<number> {
  const g = sql`g`;
  await tx.execute(sql`
    create temp table seed_products on commit drop as
    select g as ord, nextval('sandbox_shopify_products_id_seq') as id,
      ${seededPick(seed, "adjective", g, WORDS.adjectives)} || ' ' || ${seededPick(seed, "noun", g, WORDS.nouns)} as title,
      1 + ${seededInt(seed, "variant-count", g)} % 3 as variant_count,
      ${at(startAt, sql`(g - 1) * ${(30 * DAY) / Math.max(count, 1)}::float8`)} as created_at
    from generate_series(1, ${count}::int) as g`);
  await tx.execute(sql`
    insert into sandbox_shopify_products (id, shop_id, title, handle, vendor, product_type, status, tags, created_at, updated_at)
    select id, ${shopId}, title, lower(replace(title, ' ', '-')) || '-' || ord,
      ${seededPick(seed, "vendor", sql`ord`, WORDS.vendors)}, 'Goods', 'ACTIVE', '{}'::text[], created_at, created_at
    from seed_products`);
  await tx.execute(sql`
    create temp table seed_variants on commit drop as
    select row_number() over (order by p.ord, v) as vord, p.ord as product_ord, p.id as product_id, p.title as product_title, v as position,
      nextval('sandbox_shopify_product_variants_id_seq') as id,
      case when p.variant_count = 1 then 'Default Title' else (array['Small', 'Medium', 'Large'])[v] end as title,
      'SKU-' || lpad(p.ord::text, 6, '0') || '-' || v as sku,
      round((5 + ${seededInt(seed, "price", sql`p.ord * 10 + v`)} % 19500 / 100.0)::numeric, 2) as price,
      p.created_at
    from seed_products p cross join lateral generate_series(1, p.variant_count) as v`);
  await tx.execute(sql`create index on seed_variants (vord)`);
  const inserted = await tx.execute(sql`
    insert into sandbox_shopify_product_variants (id, shop_id, product_id, title, sku, barcode, price, position, created_at, updated_at)
    select id, ${shopId}, product_id, title, sku,
      -- Every fourth variant has a barcode (a store-internal GTIN-13, unique in the shop), as some stores do.
      case when vord % 4 = 0 then '2' || lpad(vord::text, 12, '0') end,
      price, position, created_at, created_at from seed_variants`);
  return inserted.rowCount ?? 0;
}

export async function seedCustomers({ tx, shopId, seed, startAt }: SeedStep, count: number): Promise<void> {
  const g = sql`g`;
  await tx.execute(sql`
    create temp table seed_customers on commit drop as
    select g as ord, nextval('sandbox_shopify_customers_id_seq') as id,
      ${seededPick(seed, "first", g, WORDS.firstNames)} as first_name,
      ${seededPick(seed, "last", g, WORDS.lastNames)} as last_name,
      ${at(startAt, sql`(g - 1) * ${(SEED_PERIOD_DAYS * DAY) / Math.max(count, 1)}::float8`)} as created_at
    from generate_series(1, ${count}::int) as g`);
  // The ordinal in the address keeps emails unique in the shop.
  await tx.execute(sql`alter table seed_customers add column email text`);
  await tx.execute(
    sql`update seed_customers set email = lower(first_name || '.' || last_name || '.' || ord || '@example.com')`,
  );
  await tx.execute(sql`
    insert into sandbox_shopify_customers (id, shop_id, email, phone, first_name, last_name, tags, created_at, updated_at)
    select id, ${shopId}, email,
      -- Two customers in three have a phone, as Shopify keeps it (E.164), unique in the shop.
      case when ord % 3 <> 0 then '+1613' || lpad(ord::text, 7, '0') end,
      first_name, last_name, '{}'::text[], created_at, created_at
    from seed_customers`);
}
