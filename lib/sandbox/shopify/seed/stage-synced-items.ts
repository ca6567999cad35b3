// What a sandbox store says it synced, laid out for its sandbox Odoo's seeding: in the caller's
// transaction, temp tables (dropped at commit) of the items whose sync state (`{namespace}.sync`)
// is "synced", with the Odoo ids it names, plus the customers and products those orders refer to
// (their Odoo id null when not synced themselves). Set-based: a 100k-order store is a few
// statements. The tables are the interchange format lib/sandbox/odoo/seed-from-synced-items.ts
// reads; neither sandbox imports the other. A customer's or product's `created_at` is when Odoo
// got it — its own sync, or the first synced order that brought it along — not when Shopify did.
//   synced_customers (shopify_id, odoo_id, name, email, created_at)
//   synced_products  (shopify_id, odoo_id, title, created_at)
//   synced_variants  (shopify_id, product_id, title, sku, price, position)
//   synced_orders    (shopify_id, odoo_id, odoo_invoice_id, name, customer_id, currency, created_at, synced_at)
//   synced_order_lines (id, order_id, product_id, variant_id, title, variant_title, sku, quantity, price)
import { sql } from "drizzle-orm";
import type { SandboxDb } from "../sandbox-db";

export async function stageSyncedItems(
  tx: SandboxDb,
  { shopId, namespace }: { shopId: number; namespace: string },
): Promise<{ customers: number; products: number; orders: number }> {
  await tx.execute(sql`
    create temp table synced_state on commit drop as
    select owner_type, owner_id, (v->>'odoo_id')::int as odoo_id, (v->>'odoo_invoice_id')::int as odoo_invoice_id,
      coalesce((v->>'synced_at')::timestamptz, updated_at) as synced_at
    from (select owner_type, owner_id, updated_at, value::jsonb as v from sandbox_shopify_metafields
          where shop_id = ${shopId} and namespace = ${namespace} and key = 'sync' and type = 'json') as m
    where v->>'status' = 'synced' and v ? 'odoo_id'`);
  await tx.execute(sql`
    create temp table synced_orders on commit drop as
    select o.id as shopify_id, s.odoo_id, s.odoo_invoice_id, o.name, o.customer_id, o.currency_code as currency,
      o.created_at, s.synced_at
    from synced_state s join sandbox_shopify_orders o on o.id = s.owner_id and o.shop_id = ${shopId}
    where s.owner_type = 'ORDER'`);
  await tx.execute(sql`
    create temp table synced_order_lines on commit drop as
    select l.id, l.order_id, l.product_id, l.variant_id, l.title, l.variant_title, l.sku, l.quantity, l.price
    from synced_orders o join sandbox_shopify_order_line_items l on l.order_id = o.shopify_id and l.shop_id = ${shopId}`);
  // Customers synced, and those of synced orders (a connector creates an order's customer with it).
  await tx.execute(sql`
    create temp table synced_customers on commit drop as
    select c.id as shopify_id, s.odoo_id,
      coalesce(nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''), c.email, 'Customer ' || c.id) as name,
      c.email, coalesce(least(case when s.odoo_id is not null then s.synced_at end, o.first_synced_at), s.synced_at, c.created_at) as created_at
    from sandbox_shopify_customers c
    left join synced_state s on s.owner_type = 'CUSTOMER' and s.owner_id = c.id
    left join (select customer_id, min(synced_at) as first_synced_at from synced_orders group by customer_id) o on o.customer_id = c.id
    where c.shop_id = ${shopId}
      and (s.odoo_id is not null or o.customer_id is not null)`);
  await tx.execute(sql`
    create temp table synced_products on commit drop as
    select p.id as shopify_id, s.odoo_id, p.title,
      coalesce(least(case when s.odoo_id is not null then s.synced_at end, o.first_synced_at), s.synced_at, p.created_at) as created_at
    from sandbox_shopify_products p
    left join synced_state s on s.owner_type = 'PRODUCT' and s.owner_id = p.id
    left join (select l.product_id, min(so.synced_at) as first_synced_at
               from synced_order_lines l join synced_orders so on so.shopify_id = l.order_id group by l.product_id) o on o.product_id = p.id
    where p.shop_id = ${shopId}
      and (s.odoo_id is not null or o.product_id is not null)`);
  await tx.execute(sql`
    create temp table synced_variants on commit drop as
    select v.id as shopify_id, v.product_id, v.title, v.sku, v.price, v.position
    from synced_products p join sandbox_shopify_product_variants v on v.product_id = p.shopify_id and v.shop_id = ${shopId}`);
  await tx.execute(sql`analyze synced_orders, synced_order_lines, synced_customers, synced_products, synced_variants`);
  const counts = await tx.execute<{ customers: number; products: number; orders: number }>(sql`
    select (select count(*) from synced_customers)::int as customers, (select count(*) from synced_products)::int as products,
      (select count(*) from synced_orders)::int as orders`);
  return counts.rows[0]!;
}
