// An order with more lines than the first Shopify read holds (25): the sync reads the rest page by
// page and the Odoo sales order gets every line, on Odoo 16 and 19.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { storeOdooClient } from "@/lib/stores/odoo/store-odoo-client";
import { storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { requestSync, sandboxStoreWithOdoo, syncNow } from "./testing/odoo-sync-fixtures";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const LINES = 60;

describe.each([16, 19] as const)("a 60-line order on Odoo %i", (version) => {
  it(`syncs all ${LINES} lines`, async () => {
    const store = await sandboxStoreWithOdoo(owner, version);
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    const { rows } = await db.execute<{ id: string; shop_id: string; lines: number }>(sql`
      select o.id, o.shop_id, (select count(*)::int from sandbox_shopify_order_line_items l where l.order_id = o.id) as lines
      from sandbox_shopify_orders o
      join shopify_index_items i on i.store_id = ${store.id} and i.resource_type = 'order' and i.shopify_id = o.id
      where i.sync_status is null and o.customer_id is not null order by o.id limit 1`);
    const order = rows[0]!;
    // The shop's variants with a SKU, one line each, until the order has LINES lines.
    await db.execute(sql`
      insert into sandbox_shopify_order_line_items (shop_id, order_id, product_id, variant_id, title, variant_title, sku, quantity, price)
      select v.shop_id, ${order.id}, v.product_id, v.id, p.title, v.title, v.sku, 1 + v.id % 3, v.price
      from sandbox_shopify_product_variants v join sandbox_shopify_products p on p.id = v.product_id
      where v.shop_id = ${order.shop_id} and v.sku is not null order by v.id limit ${LINES - order.lines}`);

    const run = await syncNow(
      (await requestSync(owner, store, { scope: "selected", type: "orders", shopifyIds: [Number(order.id)] })).body.run
        .id,
    );
    expect(run).toMatchObject({ status: "succeeded", counters: { order: { done: 1, failed: 0 } } });
    const { rows: mapped } = await db.execute<{ status: string; odoo_id: string; odoo_invoice_id: string | null }>(sql`
      select status, odoo_id, odoo_invoice_id from sync_mappings
      where store_id = ${store.id} and resource_type = 'order' and shopify_id = ${order.id}`);
    expect(mapped[0]).toMatchObject({ status: "synced" });
    expect(mapped[0]!.odoo_invoice_id).not.toBeNull();
    const lines = await odoo.searchRead<{ id: number; product_uom_qty: number }>("sale.order.line", {
      domain: [["order_id", "=", Number(mapped[0]!.odoo_id)]],
      fields: ["id", "product_uom_qty"],
    });
    expect(lines).toHaveLength(LINES);
    const { rows: quantity } = await db.execute<{ n: number }>(
      sql`select sum(quantity)::int as n from sandbox_shopify_order_line_items where order_id = ${order.id}`,
    );
    expect(lines.reduce((sum, line) => sum + line.product_uom_qty, 0)).toBe(quantity[0]!.n);
  }, 120_000);
});
