import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  sandboxShopifyCustomers as customers,
  sandboxShopifyMetafields as metafields,
  sandboxShopifyOrderLineItems as lineItems,
  sandboxShopifyOrders as orders,
  sandboxShopifyProducts as products,
  sandboxShopifyProductVariants as variants,
} from "@/db/schema/sandbox-shopify";
import { defaultSandboxDb as db } from "../sandbox-db";
import { odooIdBase } from "./seed-metafields";
import { SYNC_ERRORS } from "./seed-random";
import { stageSyncedItems } from "./stage-synced-items";
import { SANDBOX_STORE_SIZES, seedSandboxStore } from "./seed-sandbox-store";
import { streamSandboxSyncState, type SandboxSyncRecord } from "../testing/stream-sandbox-sync-state";

const domain = () => `seed-${randomUUID().slice(0, 12)}.myshopify.com`;
const SIZES = { products: 12, customers: 30, orders: 60, metafields: 200 };

// Everything a shop holds, with ids replaced by natural keys, so two shops can be compared.
async function snapshot(shopId: number) {
  const productRows = await db.select().from(products).where(eq(products.shopId, shopId)).orderBy(asc(products.id));
  const handleOf = new Map(productRows.map((row) => [row.id, row.handle]));
  const customerRows = await db.select().from(customers).where(eq(customers.shopId, shopId)).orderBy(asc(customers.id));
  const emailOf = new Map(customerRows.map((row) => [row.id, row.email]));
  const orderRows = await db.select().from(orders).where(eq(orders.shopId, shopId)).orderBy(asc(orders.id));
  const nameOf = new Map(orderRows.map((row) => [row.id, row.name]));
  const owner = (type: string, id: number) =>
    type === "ORDER" ? nameOf.get(id) : type === "CUSTOMER" ? emailOf.get(id) : handleOf.get(id);
  return {
    products: productRows.map(({ title, handle, vendor, createdAt }) => ({ title, handle, vendor, createdAt })),
    variants: (await db.select().from(variants).where(eq(variants.shopId, shopId)).orderBy(asc(variants.id))).map(
      ({ sku, title, price, position }) => ({ sku, title, price, position }),
    ),
    customers: customerRows.map(({ email, firstName, lastName, createdAt }) => ({
      email,
      firstName,
      lastName,
      createdAt,
    })),
    orders: orderRows.map(({ name, email, customerId, totalPrice, processedAt }) => ({
      name,
      email,
      customer: emailOf.get(customerId!),
      totalPrice,
      processedAt,
    })),
    lineItems: (await db.select().from(lineItems).where(eq(lineItems.shopId, shopId)).orderBy(asc(lineItems.id))).map(
      ({ orderId, sku, quantity, price }) => ({ order: nameOf.get(orderId), sku, quantity, price }),
    ),
    metafields: (
      await db.select().from(metafields).where(eq(metafields.shopId, shopId)).orderBy(asc(metafields.id))
    ).map(({ ownerType, ownerId, namespace, key, type, value }) => ({
      owner: owner(ownerType, ownerId),
      namespace,
      key,
      type,
      value,
    })),
  };
}

async function collect(shopId: number, namespace?: string): Promise<SandboxSyncRecord[]> {
  const records: SandboxSyncRecord[] = [];
  for await (const record of streamSandboxSyncState({ shopId, namespace, batchSize: 50 })) records.push(record);
  return records;
}

describe("seedSandboxStore", () => {
  it("builds the same store from the same seed, and another from another seed", async () => {
    const [a, b, c] = await Promise.all([
      seedSandboxStore({ domain: domain(), seed: 5, sizes: SIZES }),
      seedSandboxStore({ domain: domain(), seed: 5, sizes: SIZES }),
      seedSandboxStore({ domain: domain(), seed: 6, sizes: SIZES }),
    ]);
    const first = await snapshot(a.shop.id);
    expect(first.metafields).toHaveLength(200);
    expect(await snapshot(b.shop.id)).toEqual(first);
    expect(await snapshot(c.shop.id)).not.toEqual(first);
    const odooIds = async (shopId: number) =>
      (await collect(shopId)).map((record) => [record.status, record.odooId, record.odooInvoiceId, record.syncedAt]);
    expect(await odooIds(b.shop.id)).toEqual(await odooIds(a.shop.id));
  });

  it("honours the synced and failed shares with Shopify-shaped sync metafields that the stream reads back", async () => {
    const { shop, counts } = await seedSandboxStore({
      domain: domain(),
      seed: 9,
      sizes: { products: 100, customers: 300, orders: 1000 },
      syncedShare: 0.5,
      failedShare: 0.2,
      namespace: "acme_sync",
    });
    const items = 1400;
    const records = await collect(shop.id, "acme_sync");
    expect(records).toHaveLength(counts.syncMetafields);
    const synced = records.filter((record) => record.status === "synced");
    const failed = records.filter((record) => record.status === "failed");
    expect(synced.length / items).toBeGreaterThan(0.44);
    expect(synced.length / items).toBeLessThan(0.56);
    expect(failed.length / items).toBeGreaterThan(0.15);
    expect(failed.length / items).toBeLessThan(0.25);
    for (const record of synced) {
      expect(record.odooId).toBeGreaterThan(0);
      expect(record.syncedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(record.odooInvoiceId === null).toBe(record.resourceType !== "order");
    }
    for (const record of failed)
      expect(record).toMatchObject({ odooId: null, odooInvoiceId: null, error: expect.any(String) });
    const base = odooIdBase(9, "order");
    const orderIds = synced.filter((record) => record.resourceType === "order").map((record) => record.odooId! - base);
    expect(Math.min(...orderIds)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...orderIds)).toBeLessThanOrEqual(1000);
    const [raw] = await db.select().from(metafields).where(eq(metafields.namespace, "acme_sync")).limit(1);
    expect(JSON.parse(raw!.value)).toEqual(
      expect.objectContaining({ status: expect.stringMatching(/^(synced|failed)$/), synced_at: expect.any(String) }),
    );
  });

  it("gives customers unique emails, variants SKUs, and orders a customer and line items of existing variants", async () => {
    const { shop, counts } = await seedSandboxStore({ domain: domain(), seed: 3, size: "small" });
    expect(counts).toMatchObject({
      products: 50,
      customers: 100,
      orders: 200,
      metafields: SANDBOX_STORE_SIZES.small.metafields,
    });
    const [unique] = await db
      .select({ n: sql<number>`count(distinct lower(email))::int` })
      .from(customers)
      .where(eq(customers.shopId, shop.id));
    expect(unique!.n).toBe(100);
    const [noSku] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(variants)
      .where(sql`${variants.shopId} = ${shop.id} and ${variants.sku} is null`);
    expect(noSku!.n).toBe(0);
    const [orphans] = await db
      .execute<{ n: number }>(
        sql`
      select count(*)::int as n from sandbox_shopify_orders o
      where o.shop_id = ${shop.id} and (o.customer_id is null
        or not exists (select 1 from sandbox_shopify_order_line_items l join sandbox_shopify_product_variants v on v.id = l.variant_id where l.order_id = o.id))`,
      )
      .then((result) => result.rows);
    expect(orphans!.n).toBe(0);
    expect(shop.nextOrderNumber).toBe(1201);
  });

  it("spreads orders over the year before today, so a token without read_all_orders sees only the recent ones", async () => {
    const { shop } = await seedSandboxStore({ domain: domain(), seed: 4, sizes: { ...SIZES, orders: 300 } });
    const [spread] = await db
      .select({
        oldest: sql<number>`extract(epoch from now() - min(${orders.createdAt})) / 86400`,
        newest: sql<number>`extract(epoch from now() - max(${orders.createdAt})) / 86400`,
        recent: sql<number>`(count(*) filter (where ${orders.createdAt} >= now() - interval '60 days'))::int`,
      })
      .from(orders)
      .where(eq(orders.shopId, shop.id));
    expect(Number(spread!.oldest)).toBeGreaterThan(300);
    expect(Number(spread!.newest)).toBeLessThan(3);
    // About 60 of the 335 days that hold orders.
    expect(spread!.recent).toBeGreaterThan(40);
    expect(spread!.recent).toBeLessThan(70);
  });

  it("fails each type for a reason of its own, and keeps its dates in order: created, ordered, synced, today", async () => {
    const { shop } = await seedSandboxStore({
      domain: domain(),
      seed: 11,
      sizes: { products: 60, customers: 400, orders: 900, metafields: 0 },
      syncedShare: 0.5,
      failedShare: 0.4,
    });
    const { rows } = await db.execute<{
      kind: "order" | "customer" | "product";
      value: string;
      item_created: Date;
      item_updated: Date;
      meta_created: Date;
      meta_updated: Date;
    }>(sql`
      select lower(m.owner_type) as kind, m.value, coalesce(o.created_at, c.created_at, p.created_at) as item_created,
        coalesce(o.updated_at, c.updated_at, p.updated_at) as item_updated, m.created_at as meta_created, m.updated_at as meta_updated
      from sandbox_shopify_metafields m
      left join sandbox_shopify_orders o on m.owner_type = 'ORDER' and o.id = m.owner_id
      left join sandbox_shopify_customers c on m.owner_type = 'CUSTOMER' and c.id = m.owner_id
      left join sandbox_shopify_products p on m.owner_type = 'PRODUCT' and p.id = m.owner_id
      where m.shop_id = ${shop.id} and m.key = 'sync'`);
    expect(rows.length).toBeGreaterThan(1000);
    const reasons = { order: new Set<string>(), customer: new Set<string>(), product: new Set<string>() };
    const now = Date.now();
    for (const row of rows) {
      const value = JSON.parse(row.value) as { status: string; error?: string; synced_at: string };
      const at = Date.parse(value.synced_at);
      const label = `${row.kind} ${row.value}`;
      // Synced (or tried) after the item existed, and not in the future; the metafield was written then.
      expect(at, label).toBeGreaterThan(new Date(row.item_created).getTime());
      expect(at, label).toBeGreaterThanOrEqual(new Date(row.item_updated).getTime());
      expect(at, label).toBeLessThanOrEqual(now);
      expect(new Date(row.meta_created).getTime(), label).toBe(at);
      expect(new Date(row.meta_updated).getTime(), label).toBe(at);
      if (value.status === "failed") {
        expect(SYNC_ERRORS[row.kind] as readonly string[], label).toContain(value.error);
        reasons[row.kind].add(value.error!);
      }
    }
    // Every type fails, for more than one reason, and never for another type's.
    for (const kind of ["order", "customer", "product"] as const) expect(reasons[kind].size).toBeGreaterThan(1);
    expect([...reasons.product].some((reason) => /email|invoice|order/i.test(reason))).toBe(false);
    expect([...reasons.customer].some((reason) => /product|invoice|default_code/i.test(reason))).toBe(false);

    // An order comes after its customer and the products it buys.
    const [late] = (
      await db.execute<{ customers: number; products: number }>(sql`
        select count(*) filter (where c.created_at > o.created_at)::int as customers,
          (select count(*)::int from sandbox_shopify_order_line_items l
             join sandbox_shopify_products p on p.id = l.product_id
             join sandbox_shopify_orders o2 on o2.id = l.order_id
           where l.shop_id = ${shop.id} and p.created_at > o2.created_at) as products
        from sandbox_shopify_orders o join sandbox_shopify_customers c on c.id = o.customer_id
        where o.shop_id = ${shop.id}`)
    ).rows;
    expect(late).toEqual({ customers: 0, products: 0 });

    // What Odoo is seeded with: a partner or product is created when it reached Odoo — its own
    // sync, or the first synced order that brought it — after Shopify had it, before that order.
    await db.transaction(async (tx) => {
      await stageSyncedItems(tx, { shopId: shop.id, namespace: "synco" });
      const [odoo] = (
        await tx.execute<{
          customers_early: number;
          products_early: number;
          customers_late: number;
          products_late: number;
        }>(sql`
          select
            (select count(*)::int from synced_customers s join sandbox_shopify_customers c on c.id = s.shopify_id where s.created_at < c.created_at) as customers_early,
            (select count(*)::int from synced_products s join sandbox_shopify_products p on p.id = s.shopify_id where s.created_at < p.created_at) as products_early,
            (select count(*)::int from synced_orders o join synced_customers s on s.shopify_id = o.customer_id where s.created_at > o.synced_at) as customers_late,
            (select count(*)::int from synced_order_lines l join synced_orders o on o.shopify_id = l.order_id
               join synced_products s on s.shopify_id = l.product_id where s.created_at > o.synced_at) as products_late`)
      ).rows;
      expect(odoo).toEqual({ customers_early: 0, products_early: 0, customers_late: 0, products_late: 0 });
    });
  });

  it("refuses a shop that already has data", async () => {
    const { shop } = await seedSandboxStore({
      domain: domain(),
      sizes: { products: 1, customers: 1, orders: 1, metafields: 0 },
    });
    await expect(seedSandboxStore({ shopId: shop.id })).rejects.toThrow(/already has data/);
  });
});
