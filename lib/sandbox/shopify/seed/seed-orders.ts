// Orders of seeded customers buying seeded variants: 1–4 line items each, totals summed from the
// lines, numbered #1001… like Shopify. Needs the temp tables of seed-catalog.ts.
import { sql } from "drizzle-orm";
import { SEED_PERIOD_DAYS, type SeedStep } from "./seed-catalog";
import { seededInt } from "./seed-random";

export async function seedOrders(
  { tx, shopId, seed, startAt }: SeedStep,
  sizes: { orders: number; customers: number; variants: number },
): Promise<number> {
  const span = (335 * 86_400) / Math.max(sizes.orders, 1);
  await tx.execute(sql`
    create temp table seed_orders on commit drop as
    select g as ord, nextval('sandbox_shopify_orders_id_seq') as id, 1000 + g as number,
      -- A customer who exists by then: customers are created evenly over the seeded period.
      1 + ${seededInt(seed, "order-customer", sql`g`)} % least(${Math.max(sizes.customers, 1)}::int,
        1 + floor((30 * 86400 + (g - 1) * ${span}::float8 - 1) / ${(SEED_PERIOD_DAYS * 86_400) / Math.max(sizes.customers, 1)}::float8)::int) as customer_ord,
      1 + ${seededInt(seed, "line-count", sql`g`)} % 4 as line_count,
      ${startAt.toISOString()}::timestamptz + interval '30 days' + ((g - 1) * ${span}::float8) * interval '1 second' as created_at
    from generate_series(1, ${sizes.orders}::int) as g`);
  await tx.execute(sql`
    create temp table seed_lines on commit drop as
    select o.id as order_id, o.ord as order_ord, l as line, v.id as variant_id, v.product_id, v.product_title, v.title as variant_title, v.sku, v.price,
      1 + ${seededInt(seed, "quantity", sql`o.ord * 10 + l`)} % 3 as quantity
    from seed_orders o cross join lateral generate_series(1, o.line_count) as l
    join seed_variants v on v.vord = 1 + ${seededInt(seed, "line-variant", sql`o.ord * 10 + l`)} % ${Math.max(sizes.variants, 1)}`);
  await tx.execute(sql`
    insert into sandbox_shopify_orders (id, shop_id, number, name, email, customer_id, currency_code, subtotal_price, total_tax, total_price, tags, processed_at, created_at, updated_at)
    select o.id, ${shopId}, o.number, '#' || o.number, c.email, c.id, s.currency_code, t.total, 0, t.total, '{}'::text[], o.created_at, o.created_at, o.created_at
    from seed_orders o
    join (select order_id, sum(price * quantity) as total from seed_lines group by order_id) t on t.order_id = o.id
    join seed_customers c on c.ord = o.customer_ord
    join sandbox_shopify_shops s on s.id = ${shopId}
    order by o.ord`);
  const lines = await tx.execute(sql`
    insert into sandbox_shopify_order_line_items (shop_id, order_id, product_id, variant_id, title, variant_title, sku, quantity, price)
    select ${shopId}, order_id, product_id, variant_id, product_title, nullif(variant_title, 'Default Title'), sku, quantity, price
    from seed_lines order by order_id, line`);
  await tx.execute(
    sql`update sandbox_shopify_shops set next_order_number = ${1001 + sizes.orders} where id = ${shopId}`,
  );
  return lines.rowCount ?? 0;
}
