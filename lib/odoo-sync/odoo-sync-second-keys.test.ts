// The second keys, on Odoo 16 and 19: a customer Odoo has under no email (or none with it) is found
// by phone, written another way in Odoo; a phone on two partners fails the item naming both; a
// product variant without a SKU is found by its barcode, and one Odoo lacks is created with it, so
// a re-sync after a clear links it again instead of creating another. An order's line whose variant
// has only a barcode finds its product the same way (or syncs it first); a barcode on two Odoo
// variants fails the order naming both; a line with neither fails saying so.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { clearNow, startClear } from "@/lib/clear/testing/clear-fixtures";
import { storeOdooClient } from "@/lib/stores/odoo/store-odoo-client";
import { storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { normalisePhone } from "./sync-customers";
import { odooCounts, odooDatabaseOf, requestSync, sandboxStoreWithOdoo, syncNow } from "./testing/odoo-sync-fixtures";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const mappingOf = async (storeId: string, type: string, shopifyId: number) =>
  (
    await db.execute<{ status: string; odoo_id: string | null; last_error: string | null }>(sql`
      select status, odoo_id, last_error from sync_mappings
      where store_id = ${storeId} and resource_type = ${type} and shopify_id = ${shopifyId}`)
  ).rows[0];

/** "+16130000042" as a person types it into Odoo: "+1 613-000-0042". */
const typed = (phone: string) => phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "+1 $1-$2-$3");

describe("normalisePhone", () => {
  it("keeps the digits and a leading +", () => {
    expect(normalisePhone("+1 (613) 555-0135")).toBe("+16135550135");
    expect(normalisePhone(" 613.555.0135 ")).toBe("6135550135");
    expect(normalisePhone("n/a")).toBeNull();
    expect(normalisePhone(null)).toBeNull();
  });
});

describe.each([16, 19] as const)("second keys on Odoo %i", (version) => {
  it("customers without a partner by email are linked by phone; a phone on two partners fails naming both", async () => {
    const store = await sandboxStoreWithOdoo(owner, version);
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    // Not-synced customers with a phone whose email Odoo does not know.
    const { rows } = await db.execute<{ id: string; email: string; phone: string }>(sql`
      select c.id, c.email, c.phone from sandbox_shopify_customers c
      join shopify_index_items i on i.store_id = ${store.id} and i.resource_type = 'customer' and i.shopify_id = c.id
      where c.phone is not null and i.sync_status is null order by c.id limit 20`);
    const candidates: { id: number; email: string; phone: string }[] = [];
    for (const row of rows)
      if ((await odoo.searchCount("res.partner", [["email", "=ilike", row.email]])) === 0)
        candidates.push({ id: Number(row.id), email: row.email, phone: row.phone });
    const [byEmailMissing, withoutEmail, ambiguous] = candidates;
    expect(ambiguous).toBeDefined();

    // One customer loses its email in Shopify (and the index learns it, as a webhook would tell it).
    await db.execute(sql`update sandbox_shopify_customers set email = null where id = ${withoutEmail!.id}`);
    await db.execute(
      sql`update shopify_index_items set email = null where store_id = ${store.id} and resource_type = 'customer' and shopify_id = ${withoutEmail!.id}`,
    );
    const [first, second, twinA, twinB] = await odoo.create("res.partner", [
      { name: "Known by phone", phone: typed(byEmailMissing!.phone) },
      {
        name: "Known by phone too",
        phone: withoutEmail!.phone.replace(/^(\+\d)(\d{3})(\d{3})(\d{4})$/, "$1 ($2) $3 $4"),
      },
      { name: "Twin A", phone: typed(ambiguous!.phone) },
      // On 16 the second twin holds it as a mobile number; 19 has no mobile field.
      version === 16 ? { name: "Twin B", mobile: ambiguous!.phone } : { name: "Twin B", phone: ambiguous!.phone },
    ]);
    const before = await odooCounts(store);

    const run = await syncNow(
      (
        await requestSync(owner, store, {
          scope: "selected",
          type: "customers",
          shopifyIds: [byEmailMissing!.id, withoutEmail!.id, ambiguous!.id],
        })
      ).body.run.id,
    );
    expect(run).toMatchObject({
      status: "succeeded",
      counters: { customer: { done: 2, failed: 1 } },
      summary: { linked: { customer: 2 }, created: { customer: 0 }, failed: { customer: 1 } },
    });
    expect(await mappingOf(store.id, "customer", byEmailMissing!.id)).toMatchObject({
      status: "synced",
      odoo_id: String(first),
    });
    expect(await mappingOf(store.id, "customer", withoutEmail!.id)).toMatchObject({
      status: "synced",
      odoo_id: String(second),
    });
    const failed = await mappingOf(store.id, "customer", ambiguous!.id);
    expect(failed).toMatchObject({ status: "failed", odoo_id: null });
    expect(failed!.last_error).toContain(`res.partner ${twinA} and res.partner ${twinB}`);
    expect(failed!.last_error).toContain(ambiguous!.phone);
    expect(await odooCounts(store)).toEqual(before);
  }, 120_000);

  it("a variant without a SKU is linked by its barcode, and one created with it is linked again after a clear", async () => {
    const store = await sandboxStoreWithOdoo(owner, version);
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    // Two not-synced one-variant products; their SKUs taken away, barcodes given.
    const { rows } = await db.execute<{ product_id: string; variant_id: string }>(sql`
      select v.product_id, v.id as variant_id from sandbox_shopify_product_variants v
      join shopify_index_items i on i.store_id = ${store.id} and i.resource_type = 'product' and i.shopify_id = v.product_id
      where i.sync_status is null
        and (select count(*) from sandbox_shopify_product_variants w where w.product_id = v.product_id) = 1
      order by v.product_id limit 2`);
    expect(rows).toHaveLength(2);
    const [known, fresh] = rows.map((row, i) => ({
      id: Number(row.product_id),
      variantId: Number(row.variant_id),
      barcode: `97${version}${String(Date.now()).slice(-8)}${i}`,
    }));
    for (const item of [known!, fresh!]) {
      await db.execute(
        sql`update sandbox_shopify_product_variants set sku = null, barcode = ${item.barcode} where id = ${item.variantId}`,
      );
      await db.execute(
        sql`update shopify_index_items set skus = '{}' where store_id = ${store.id} and resource_type = 'product' and shopify_id = ${item.id}`,
      );
    }
    const [template] = await odoo.create("product.template", [
      {
        name: "Known by barcode",
        barcode: known!.barcode,
        ...(version === 16 ? { detailed_type: "consu" } : { type: "consu" }),
      },
    ]);

    const ask = async () =>
      syncNow(
        (await requestSync(owner, store, { scope: "selected", type: "products", shopifyIds: [known!.id, fresh!.id] }))
          .body.run.id,
      );
    const run = await ask();
    expect(run).toMatchObject({
      status: "succeeded",
      counters: { product: { done: 2, failed: 0 } },
      summary: { linked: { product: 1 }, created: { product: 1 } },
    });
    expect(await mappingOf(store.id, "product", known!.id)).toMatchObject({
      status: "synced",
      odoo_id: String(template),
    });
    const created = await mappingOf(store.id, "product", fresh!.id);
    const [variant] = await odoo.searchRead<{ id: number; barcode: string | false; default_code: string | false }>(
      "product.product",
      { domain: [["product_tmpl_id", "=", Number(created!.odoo_id)]], fields: ["barcode", "default_code"] },
    );
    expect(variant).toMatchObject({ barcode: fresh!.barcode, default_code: false });
    const synced = await odooCounts(store);

    const clear = await startClear(owner, { store } as never, {});
    expect(await clearNow(clear.body.run.id)).toMatchObject({ status: "succeeded" });
    const again = await ask();
    expect(again).toMatchObject({
      status: "succeeded",
      summary: { linked: { product: 2 }, created: { product: 0 }, failed: { product: 0 } },
    });
    expect(await mappingOf(store.id, "product", fresh!.id)).toMatchObject({
      status: "synced",
      odoo_id: created!.odoo_id,
    });
    expect(await odooCounts(store)).toEqual(synced);
  }, 120_000);

  it("order lines without a SKU find their variant by barcode; a shared barcode and a line with neither fail the order", async () => {
    const store = await sandboxStoreWithOdoo(owner, version);
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    // Four not-synced one-variant products, their SKUs taken away: two with a barcode (Odoo knows
    // the first), one whose barcode two Odoo variants share, one with neither.
    const { rows } = await db.execute<{ product_id: string; variant_id: string; shop_id: string }>(sql`
      select v.product_id, v.id as variant_id, v.shop_id from sandbox_shopify_product_variants v
      join shopify_index_items i on i.store_id = ${store.id} and i.resource_type = 'product' and i.shopify_id = v.product_id
      where i.sync_status is null
        and (select count(*) from sandbox_shopify_product_variants w where w.product_id = v.product_id) = 1
      order by v.product_id limit 4`);
    expect(rows).toHaveLength(4);
    const stamp = String(Date.now()).slice(-8);
    const [known, fresh, shared, keyless] = rows.map((row, i) => ({
      id: Number(row.product_id),
      variantId: Number(row.variant_id),
      barcode: i === 3 ? null : `96${version}${stamp}${i}`,
    }));
    for (const item of [known!, fresh!, shared!, keyless!]) {
      await db.execute(
        sql`update sandbox_shopify_product_variants set sku = null, barcode = ${item.barcode} where id = ${item.variantId}`,
      );
      await db.execute(
        sql`update shopify_index_items set skus = '{}' where store_id = ${store.id} and resource_type = 'product' and shopify_id = ${item.id}`,
      );
    }
    const type = version === 16 ? { detailed_type: "consu" } : { type: "consu" };
    const [knownTemplate, twinA, twinB] = await odoo.create("product.template", [
      { name: "Known by barcode", barcode: known!.barcode, ...type },
      { name: "Twin A", barcode: `${shared!.barcode}a`, ...type },
      { name: "Twin B", barcode: `${shared!.barcode}b`, ...type },
    ]);
    const variantsOf = async (templates: number[]) =>
      (
        await odoo.searchRead<{ id: number; product_tmpl_id: [number, string] }>("product.product", {
          domain: [["product_tmpl_id", "in", templates]],
          fields: ["id", "product_tmpl_id"],
          order: "id",
        })
      ).map((v) => v.id);
    const [knownVariant] = await variantsOf([knownTemplate!]);
    const twins = await variantsOf([twinA!, twinB!]);
    expect(twins).toHaveLength(2);
    // Odoo refuses a barcode on two products; a database holding such data anyway (written before
    // the constraint, or by another company) is what the sync must not guess through.
    const database = await odooDatabaseOf(store.id);
    await db.execute(sql`
      update sandbox_odoo_records set vals = vals || jsonb_build_object('barcode', ${shared!.barcode}::text)
      where database_id = ${database.id} and model = 'product.product' and id = any(${`{${twins.join(",")}}`}::int[])`);

    // Three not-synced orders with a customer, their lines replaced: [known, fresh], [shared], [keyless].
    const { rows: orders } = await db.execute<{ id: string }>(sql`
      select o.id from sandbox_shopify_orders o
      join shopify_index_items i on i.store_id = ${store.id} and i.resource_type = 'order' and i.shopify_id = o.id
      where i.sync_status is null and o.customer_id is not null order by o.id limit 3`);
    expect(orders).toHaveLength(3);
    const [both, ambiguous, neither] = orders.map((o) => Number(o.id));
    const lines: [number, (typeof known)[]][] = [
      [both!, [known, fresh]],
      [ambiguous!, [shared]],
      [neither!, [keyless]],
    ];
    for (const [orderId, items] of lines) {
      await db.execute(sql`delete from sandbox_shopify_order_line_items where order_id = ${orderId}`);
      for (const item of items)
        await db.execute(sql`
          insert into sandbox_shopify_order_line_items (shop_id, order_id, product_id, variant_id, title, variant_title, sku, quantity, price)
          values (${rows[0]!.shop_id}, ${orderId}, ${item!.id}, ${item!.variantId}, ${`Item ${item!.id}`}, null, null, 2, '4.50')`);
    }

    const run = await syncNow(
      (await requestSync(owner, store, { scope: "selected", type: "orders", shopifyIds: [both, ambiguous, neither] }))
        .body.run.id,
    );
    expect(run).toMatchObject({ status: "succeeded", counters: { order: { done: 1, failed: 2 } } });
    const synced = await mappingOf(store.id, "order", both!);
    expect(synced).toMatchObject({ status: "synced" });
    const freshProduct = await mappingOf(store.id, "product", fresh!.id);
    expect(freshProduct).toMatchObject({ status: "synced" });
    const [freshVariant] = await odoo.searchRead<{ id: number; barcode: string | false }>("product.product", {
      domain: [["product_tmpl_id", "=", Number(freshProduct!.odoo_id)]],
      fields: ["id", "barcode"],
    });
    expect(freshVariant).toMatchObject({ barcode: fresh!.barcode });
    const orderLines = await odoo.searchRead<{ id: number; product_id: [number, string]; product_uom_qty: number }>(
      "sale.order.line",
      { domain: [["order_id", "=", Number(synced!.odoo_id)]], fields: ["product_id", "product_uom_qty"], order: "id" },
    );
    expect(orderLines.map((line) => line.product_id[0])).toEqual([knownVariant, freshVariant!.id]);

    const failedShared = await mappingOf(store.id, "order", ambiguous!);
    expect(failedShared).toMatchObject({ status: "failed", odoo_id: null });
    expect(failedShared!.last_error).toBe(
      `Ambiguous match in Odoo: product.product ${twins[0]} and product.product ${twins[1]} both have the barcode ${shared!.barcode}; change one, then retry`,
    );
    const failedNeither = await mappingOf(store.id, "order", neither!);
    expect(failedNeither).toMatchObject({ status: "failed", odoo_id: null });
    expect(failedNeither!.last_error).toBe(
      `Line “Item ${keyless!.id}” has no SKU and no barcode: Odoo products are matched by SKU (Internal Reference), then barcode, so give the variant a SKU or a barcode in Shopify, then retry`,
    );
  }, 120_000);
});
