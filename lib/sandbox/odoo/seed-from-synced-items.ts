// Seeds a sandbox Odoo database with the records a sandbox store's synced items point to, so both
// sides agree: a res.partner per customer (synced ones at the id their sync state names), a
// product.template per product (likewise) with a product.product per variant, and per synced
// order a confirmed sale.order at its Odoo id with its lines and a posted customer invoice
// (account.move at its invoice id) with lines linked to the order lines — what invoicing through
// sale.advance.payment.inv and action_post leaves. Reads the temp tables the Shopify sandbox stages
// (lib/sandbox/shopify/seed/stage-synced-items.ts) in the same transaction; every model is written
// with one INSERT … SELECT, so 100k orders are a handful of statements. The documents are the
// ORM's own: each model's defaults for this version, then the seeded values.
import { sql } from "drizzle-orm";
import type { SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import { seedEnv } from "./create-sandbox-odoo-database";
import type { OdooDb } from "./odoo-db";
import { toStored } from "./orm/fields";
import type { OdooEnv, Vals } from "./orm/model-types";
import { bumpSequence, nextNumbers } from "./orm/store";

export type SeededOdooCounts = {
  partners: number;
  templates: number;
  variants: number;
  orders: number;
  orderLines: number;
  invoices: number;
  invoiceLines: number;
};

/** The stored document create() would write for a record given no values (defaults only). */
function defaultsOf(env: OdooEnv, modelName: string): Vals {
  const model = env.registry.models.get(modelName)!;
  const stored: Vals = {};
  for (const [name, field] of Object.entries(model.fields)) {
    if (field.computed || field.inherited || field.type === "one2many" || field.type === "many2many") continue;
    if (["id", "create_date", "write_date", "create_uid", "write_uid"].includes(name)) continue;
    const value = field.default ? field.default(env, stored) : undefined;
    stored[name] =
      value === undefined ? (field.type === "boolean" ? false : null) : toStored(model, name, field, value);
  }
  return stored;
}

const stamp = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')`);
const day = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`);
const audit = (uid: number, column: string) =>
  sql`jsonb_build_object('create_date', ${stamp(column)}, 'write_date', ${stamp(column)}, 'create_uid', ${uid}::int, 'write_uid', ${uid}::int)`;

export async function seedFromSyncedItems(
  tx: OdooDb,
  database: SandboxOdooDatabase,
  { uid = 2 }: { uid?: number } = {},
): Promise<SeededOdooCounts> {
  const env = seedEnv(tx, database);
  const dbId = database.id;
  const defaults = (model: string) => sql`${JSON.stringify(defaultsOf(env, model))}::jsonb`;
  const uomField = env.profile.saleLineUomField;
  const taxField = env.profile.saleLineTaxField;
  const insert = async (model: string, select: ReturnType<typeof sql>) => {
    const result = await tx.execute(sql`insert into sandbox_odoo_records (database_id, model, id, vals) ${select}`);
    await bumpSequence(tx, dbId, model);
    return result.rowCount ?? 0;
  };
  /** Ids for rows without one: the next numbers of the model's sequence, after the ids seeded explicitly. */
  const allocate = async (model: string, count: number) => (count > 0 ? nextNumbers(tx, dbId, model, count) : 0);
  const countOf = async (query: ReturnType<typeof sql>) =>
    Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from (${query}) as q`)).rows[0]!.n);

  /** Moves a model's sequence past the ids a staged table names, before allocating others. */
  const bumpPast = async (model: string, table: string) => {
    await tx.execute(sql`
      insert into sandbox_odoo_sequences (database_id, name, next)
      select ${dbId}::int, ${model}, coalesce(max(odoo_id), 0) + 1 from ${sql.raw(table)}
      on conflict (database_id, name) do update set next = greatest(sandbox_odoo_sequences.next, excluded.next)`);
  };

  // Contacts: synced customers at their Odoo ids, the others orders need at new ones.
  await bumpPast("res.partner", "synced_customers");
  const firstPartner = await allocate(
    "res.partner",
    await countOf(sql`select 1 from synced_customers where odoo_id is null`),
  );
  await tx.execute(sql`
    create temp table seeded_partners on commit drop as
    select shopify_id, coalesce(odoo_id, ${firstPartner}::int - 1 + (row_number() over (partition by odoo_id is null order by shopify_id))::int) as id,
      name, email, created_at
    from synced_customers`);
  await tx.execute(sql`create index on seeded_partners (shopify_id)`);
  const partners = await insert(
    "res.partner",
    sql`select ${dbId}::int, 'res.partner', id, ${defaults("res.partner")} || jsonb_build_object(
      'name', name, 'complete_name', name, 'email', email, 'customer_rank', 1) || ${audit(uid, "created_at")}
    from seeded_partners`,
  );

  // Products: a template per product, a variant per Shopify variant (its SKU the internal reference).
  await bumpPast("product.template", "synced_products");
  const firstTemplate = await allocate(
    "product.template",
    await countOf(sql`select 1 from synced_products where odoo_id is null`),
  );
  await tx.execute(sql`
    create temp table seeded_templates on commit drop as
    select p.shopify_id, coalesce(p.odoo_id, ${firstTemplate}::int - 1 + (row_number() over (partition by p.odoo_id is null order by p.shopify_id))::int) as id,
      p.title, p.created_at, coalesce(v.variant_count, 0) as variant_count, v.price, v.sku
    from synced_products p
    left join (select product_id, count(*) as variant_count, min(price) as price, min(sku) as sku
               from synced_variants group by product_id) as v on v.product_id = p.shopify_id`);
  const templates = await insert(
    "product.template",
    sql`select ${dbId}::int, 'product.template', id, ${defaults("product.template")} || jsonb_build_object(
      'name', title, 'type', 'consu', 'list_price', coalesce(price, 0)::float8, 'sale_ok', true,
      'default_code', case when variant_count = 1 then sku end) || ${audit(uid, "created_at")}
    from seeded_templates`,
  );
  const variantCount = await countOf(sql`select 1 from synced_variants`);
  const firstVariant = await allocate("product.product", variantCount);
  await tx.execute(sql`
    create temp table seeded_variants on commit drop as
    select v.shopify_id, ${firstVariant}::int - 1 + (row_number() over (order by v.product_id, v.position, v.shopify_id))::int as id,
      t.id as template_id, v.sku, t.created_at
    from synced_variants v join seeded_templates t on t.shopify_id = v.product_id`);
  await tx.execute(sql`create index on seeded_variants (shopify_id)`);
  const variants = await insert(
    "product.product",
    sql`select ${dbId}::int, 'product.product', id, ${defaults("product.product")} || jsonb_build_object(
      'product_tmpl_id', template_id, 'default_code', sku) || ${audit(uid, "created_at")}
    from seeded_variants`,
  );

  // Orders, confirmed, numbered S00001… in the order they were placed.
  const orderCount = await countOf(sql`select 1 from synced_orders`);
  const firstName = orderCount > 0 ? await nextNumbers(tx, dbId, "sale.order/name", orderCount) : 0;
  await tx.execute(sql`
    create temp table seeded_orders on commit drop as
    select o.shopify_id, o.odoo_id as id, o.odoo_invoice_id as invoice_id, o.name as shopify_name,
      'S' || lpad((${firstName}::int - 1 + row_number() over (order by o.created_at, o.shopify_id))::text, 5, '0') as name,
      'INV/' || to_char(o.synced_at at time zone 'UTC', 'YYYY') || '/' || lpad((row_number() over (
        partition by o.odoo_invoice_id is null, to_char(o.synced_at at time zone 'UTC', 'YYYY') order by o.synced_at, o.shopify_id))::text, 5, '0') as invoice_name,
      coalesce(p.id, 1) as partner_id, case when o.currency = 'EUR' then 2 else 1 end as currency_id,
      o.created_at, o.synced_at, coalesce(t.total, 0)::float8 as total
    from synced_orders o left join seeded_partners p on p.shopify_id = o.customer_id
    left join (select order_id, sum(round((quantity * price)::numeric, 2)) as total from synced_order_lines group by order_id) as t
      on t.order_id = o.shopify_id`);
  await tx.execute(sql`create index on seeded_orders (shopify_id)`);
  const orders = await insert(
    "sale.order",
    sql`select ${dbId}::int, 'sale.order', id, ${defaults("sale.order")} || jsonb_build_object(
      'name', name, 'partner_id', partner_id, 'partner_invoice_id', partner_id, 'partner_shipping_id', partner_id,
      'client_order_ref', shopify_name, 'origin', shopify_name, 'state', 'sale', 'date_order', ${stamp("created_at")},
      'user_id', ${uid}::int, 'currency_id', currency_id,
      'amount_untaxed', total, 'amount_tax', 0, 'amount_total', total) || ${audit(uid, "synced_at")}
    from seeded_orders`,
  );
  const lineCount = await countOf(
    sql`select 1 from synced_order_lines l join seeded_orders o on o.shopify_id = l.order_id`,
  );
  const firstLine = await allocate("sale.order.line", lineCount);
  await tx.execute(sql`
    create temp table seeded_lines on commit drop as
    select ${firstLine}::int - 1 + (row_number() over (order by l.order_id, l.id))::int as id, o.id as order_id,
      o.invoice_id, o.invoice_name, o.synced_at, v.id as product_id,
      l.title || case when l.variant_title is not null and l.variant_title <> 'Default Title' then ' (' || l.variant_title || ')' else '' end as label,
      l.quantity::float8 as quantity, l.price::float8 as price, round((l.quantity * l.price)::numeric, 2)::float8 as subtotal
    from synced_order_lines l join seeded_orders o on o.shopify_id = l.order_id
    left join seeded_variants v on v.shopify_id = l.variant_id`);
  const orderLines = await insert(
    "sale.order.line",
    sql`select ${dbId}::int, 'sale.order.line', id, ${defaults("sale.order.line")} || jsonb_build_object(
      'order_id', order_id, 'name', label, 'product_id', product_id, 'product_uom_qty', quantity,
      ${uomField}::text, 1, 'price_unit', price, ${taxField}::text, '[]'::jsonb,
      'price_subtotal', subtotal, 'price_tax', 0, 'price_total', subtotal, 'qty_delivered', quantity) || ${audit(uid, "synced_at")}
    from seeded_lines`,
  );

  // Invoices: one posted customer invoice per order, numbered INV/<year>/00001… per year of its date.
  const invoices = await insert(
    "account.move",
    sql`select ${dbId}::int, 'account.move', invoice_id, ${defaults("account.move")} || jsonb_build_object(
      'name', invoice_name,
      'ref', shopify_name, 'date', ${day("synced_at")}, 'invoice_date', ${day("synced_at")}, 'move_type', 'out_invoice',
      'state', 'posted', 'partner_id', partner_id, 'invoice_origin', name, 'currency_id', currency_id,
      'amount_untaxed', total, 'amount_tax', 0, 'amount_total', total, 'amount_residual', total) || ${audit(uid, "synced_at")}
    from seeded_orders where invoice_id is not null`,
  );
  await tx.execute(sql`
    insert into sandbox_odoo_sequences (database_id, name, next)
    select ${dbId}::int, 'account.move/INV/' || to_char(synced_at at time zone 'UTC', 'YYYY'), count(*) + 1
    from seeded_orders where invoice_id is not null group by 1, 2
    on conflict (database_id, name) do update set next = greatest(sandbox_odoo_sequences.next, excluded.next)`);
  const invoiceLineCount = await countOf(sql`select 1 from seeded_lines where invoice_id is not null`);
  const firstInvoiceLine = await allocate("account.move.line", invoiceLineCount);
  const invoiceLines = await insert(
    "account.move.line",
    sql`select ${dbId}::int, 'account.move.line', ${firstInvoiceLine}::int - 1 + (row_number() over (order by l.id))::int,
      ${defaults("account.move.line")} || jsonb_build_object(
        'move_id', l.invoice_id, 'move_name', l.invoice_name, 'date', ${day("l.synced_at")}, 'name', l.label,
        'product_id', l.product_id, 'quantity', l.quantity, 'price_unit', l.price, 'tax_ids', '[]'::jsonb,
        'price_subtotal', l.subtotal, 'price_total', l.subtotal, 'sale_line_ids', jsonb_build_array(l.id)) || ${audit(uid, "l.synced_at")}
    from seeded_lines l where l.invoice_id is not null`,
  );
  return { partners, templates, variants, orders, orderLines, invoices, invoiceLines };
}
