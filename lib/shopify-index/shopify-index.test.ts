// The local index of Shopify items: a bulk-query import of 10k items equal to the sandbox's
// contents, clean-up of items gone from Shopify, and webhooks applied newest-wins (duplicates and
// stale deliveries change nothing, deletes stay deleted), over real HTTP to the sandbox.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { shopifyIndexItems, shopifyIndexSearch } from "@/db/schema/shopify-index";
import { SHOPIFY_ACTOR } from "@/lib/audit/shopify-actor";
import { upsertMappings } from "@/lib/mappings/upsert-mappings";
import { runBulkQuery } from "@/lib/shopify/bulk/run-bulk-query";
import { createSandboxProduct } from "@/lib/sandbox/shopify/create-sandbox-product";
import { updateSandboxProduct } from "@/lib/sandbox/shopify/update-sandbox-product";
import { disconnectStore } from "@/lib/stores/disconnect-store";
import { storeShopifyClient } from "@/lib/stores/store-shopify-client";
import { auditRows, eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { getSyncOverview } from "@/lib/sync/get-sync-overview";
import {
  connectSeededShop,
  deliverWebhook,
  indexItems,
  sandboxItems,
  type ShopStore,
} from "@/lib/sync/testing/sync-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { refreshIndexNow } from "@/lib/operations/testing/run-now";
import { INDEX_BULK_QUERIES } from "./bulk-queries";
import { importShopifyItems } from "./import-shopify-items";
import { getIndexStatus } from "./index-status";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const ids = (shop: ShopStore) => ({ storeId: shop.store.id, organizationId: shop.store.organizationId });

async function realCounts(storeId: string) {
  const { rows } = await db.execute<{ resource_type: string; total: number; synced: number; failed: number }>(sql`
    select i.resource_type, count(*)::int as total, count(*) filter (where m.status = 'synced')::int as synced, count(*) filter (where m.status = 'failed')::int as failed
    from shopify_index_items i left join sync_mappings m using (store_id, resource_type, shopify_id)
    where i.store_id = ${storeId} group by i.resource_type`);
  return Object.fromEntries(
    rows.map((row) => [row.resource_type, { total: row.total, synced: row.synced, failed: row.failed }]),
  );
}

/**
 * Index rows whose status differs from their mapping's, or whose search row is missing or differs
 * from the text of their columns; and search rows with no index row (decision 81).
 */
async function rowsUnlikeTheTrigger(storeId: string) {
  const { rows } = await db.execute<{ rows: number; status: number; search: number }>(sql`
    select count(*)::int as rows,
      count(*) filter (where i.sync_status is distinct from m.status)::int as status,
      count(*) filter (where s.search_text is distinct from lower(concat_ws(' ', i.title, i.email, i.order_name, nullif(array_to_string(i.skus, ' '), ''))))::int
        + (select count(*)::int from shopify_index_search o where o.store_id = ${storeId}
           and not exists (select 1 from shopify_index_items x where x.store_id = o.store_id and x.resource_type = o.resource_type and x.shopify_id = o.shopify_id)) as search
    from shopify_index_items i
    left join sync_mappings m on m.store_id = i.store_id and m.resource_type = i.resource_type and m.shopify_id = i.shopify_id
    left join shopify_index_search s on s.store_id = i.store_id and s.resource_type = i.resource_type and s.shopify_id = i.shopify_id
    where i.store_id = ${storeId}`);
  return rows[0];
}

describe("index import by bulk query", () => {
  it("reads 10k items into an index equal to the sandbox's contents, and counts agree with the rows", async () => {
    const shop = await connectSeededShop(owner, { products: 1_000, customers: 3_000, orders: 6_000 });
    // Some mappings first: the import must pick up their statuses.
    const orders = (await sandboxItems(shop.shopId, "order")).map((order) => order.id);
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: orders.slice(0, 500).map((id, i) => ({
        resourceType: "order",
        shopifyId: id,
        odooId: id,
        status: i % 5 === 0 ? "failed" : "synced",
      })),
    });

    const started = performance.now();
    const run = await refreshIndexNow(ids(shop));
    const seconds = (performance.now() - started) / 1000;
    for (const type of ["product", "customer", "order"] as const)
      expect(await indexItems(shop.store.id, type)).toEqual(await sandboxItems(shop.shopId, type));
    // The run counted each item once, per type, and the index's state is read from it.
    expect(run).toMatchObject({
      status: "succeeded",
      counters: {
        product: { planned: 1_000, done: 1_000, failed: 0 },
        customer: { planned: 3_000, done: 3_000, failed: 0 },
        order: { planned: 6_000, done: 6_000, failed: 0 },
      },
      error: null,
    });
    const status = await getIndexStatus({ storeId: shop.store.id });
    expect(status).toMatchObject({
      state: "succeeded",
      runId: run.id,
      imported: { product: 1_000, customer: 3_000, order: 6_000 },
      lastError: null,
    });
    expect(status.refreshedAt).toBe(run.summary!.refreshedAt);

    const { overview } = await getSyncOverview(ids(shop));
    expect(overview.types.order).toMatchObject({ total: 6_000, synced: 400, failed: 100, notSynced: 5_500 });
    expect(overview.types.product).toMatchObject({ total: 1_000, synced: 0, notSynced: 1_000 });
    const real = await realCounts(shop.store.id);
    for (const type of ["product", "customer", "order"] as const) {
      expect(overview.types[type]).toMatchObject(real[type]!);
    }
    console.log(`index import of 10,000 items: ${seconds.toFixed(1)} s`);
    // The import writes the status itself (decision 66), the search rows come from the items'
    // statement triggers (decision 81): exactly what the per-row trigger would have, on first
    // import and when it reads the items again.
    expect(await rowsUnlikeTheTrigger(shop.store.id)).toEqual({ rows: 10_000, status: 0, search: 0 });
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: orders.slice(500, 600).map((id) => ({ resourceType: "order", shopifyId: id, status: "failed" })),
    });
    const [lamp] = await sandboxItems(shop.shopId, "product");
    await updateSandboxProduct({ shopId: shop.shopId, productId: lamp!.id, changes: { title: "Renamed Lamp" } });
    await refreshIndexNow(ids(shop));
    expect(await rowsUnlikeTheTrigger(shop.store.id)).toEqual({ rows: 10_000, status: 0, search: 0 });
    const [renamed] = await db
      .execute<{ n: number }>(
        sql`select count(*)::int as n from shopify_index_search where store_id = ${shop.store.id} and search_text like 'renamed lamp%'`,
      )
      .then((result) => result.rows);
    expect(renamed!.n).toBe(1);
  }, 120_000);

  it("reads the same index from grouped and ungrouped bulk output (variants before their product)", async () => {
    const shop = await connectSeededShop(owner, { products: 300, customers: 0, orders: 0 });
    const { client } = await storeShopifyClient(ids(shop));
    // The raw export first: ungrouped, Shopify's default, a variant line may precede its product.
    const seen = new Set<string>();
    let before = 0;
    for await (const line of runBulkQuery(client, INDEX_BULK_QUERIES.product)) {
      if (typeof line.__parentId === "string" && !seen.has(line.__parentId)) before += 1;
      if (typeof line.id === "string" && line.__parentId === undefined) seen.add(line.id);
    }
    expect(before).toBeGreaterThan(0);
    const expected = await sandboxItems(shop.shopId, "product");
    expect(expected.every((item) => item.skus.length > 0)).toBe(true);
    for (const groupObjects of [false, true]) {
      await db.delete(shopifyIndexItems).where(eq(shopifyIndexItems.storeId, shop.store.id));
      // A small batch, so products and their variants land in different batches too.
      const outcome = await importShopifyItems({
        client,
        storeId: shop.store.id,
        type: "product",
        startedAt: new Date(),
        batchSize: 7,
        groupObjects,
      });
      expect(outcome.imported, `groupObjects: ${groupObjects}`).toBe(300);
      expect(await indexItems(shop.store.id, "product"), `groupObjects: ${groupObjects}`).toEqual(expected);
      // SKUs that arrived after their product reached its search row too (decision 81).
      expect(await rowsUnlikeTheTrigger(shop.store.id), `groupObjects: ${groupObjects}`).toEqual({
        rows: 300,
        status: 0,
        search: 0,
      });
    }
  });

  it("removes items Shopify no longer has, keeps the rest, and is safe to run twice", async () => {
    const shop = await connectSeededShop(owner, { products: 5, customers: 5, orders: 5 });
    await refreshIndexNow(ids(shop));
    await db.insert(shopifyIndexItems).values({
      storeId: shop.store.id,
      resourceType: "order",
      shopifyId: 999_999_999,
      title: "#9999",
      shopifyUpdatedAt: new Date("2020-01-01T00:00:00Z"),
      indexedAt: new Date("2020-01-01T00:00:00Z"),
    });
    await refreshIndexNow(ids(shop));
    await refreshIndexNow(ids(shop));
    expect(await indexItems(shop.store.id, "order")).toEqual(await sandboxItems(shop.shopId, "order"));
    expect((await getSyncOverview(ids(shop))).overview.types.order.total).toBe(5);
  });
});

describe("index webhooks", () => {
  it("applies product create, update and delete; stale, duplicate and late deliveries change nothing", async () => {
    const shop = await connectSeededShop(owner);
    const product = (title: string, updatedAt: string, skus: string[] = []) => ({
      id: 4242,
      title,
      updated_at: updatedAt,
      variants: skus.map((sku, i) => ({ id: i + 1, sku })),
    });
    const row = async () => (await indexItems(shop.store.id, "product")).find((item) => item.id === 4242);

    expect(
      await deliverWebhook({
        shop,
        topic: "products/create",
        body: product("Wool hat", "2026-01-01T10:00:00Z", ["HAT-1", "HAT-2"]),
      }),
    ).toEqual({ status: 200, outcome: "handled" });
    expect(await row()).toMatchObject({
      title: "Wool hat",
      skus: ["HAT-1", "HAT-2"],
      updatedAt: "2026-01-01T10:00:00.000Z",
    });

    const webhookId = randomUUID();
    await deliverWebhook({
      shop,
      topic: "products/update",
      body: product("Wool hat (blue)", "2026-01-02T10:00:00Z", ["HAT-1"]),
      webhookId,
    });
    expect(await row()).toMatchObject({ title: "Wool hat (blue)", skus: ["HAT-1"] });
    // The same delivery again (same webhook id), carrying other data: recorded once, nothing changes.
    expect(
      await deliverWebhook({
        shop,
        topic: "products/update",
        body: product("Replayed", "2026-01-09T10:00:00Z"),
        webhookId,
      }),
    ).toEqual({ status: 200, outcome: "duplicate" });
    // An older update delivered late does not overwrite the newer one.
    await deliverWebhook({ shop, topic: "products/update", body: product("Stale", "2026-01-01T12:00:00Z") });
    expect(await row()).toMatchObject({ title: "Wool hat (blue)", updatedAt: "2026-01-02T10:00:00.000Z" });

    const searchRows = async () =>
      (
        await db
          .select()
          .from(shopifyIndexSearch)
          .where(and(eq(shopifyIndexSearch.storeId, shop.store.id), eq(shopifyIndexSearch.shopifyId, 4242)))
      ).map((search) => search.searchText);
    expect(await searchRows()).toEqual(["wool hat (blue) hat-1"]);
    await deliverWebhook({ shop, topic: "products/delete", body: { id: 4242 } });
    expect(await row()).toBeUndefined();
    expect(await searchRows()).toEqual([]);
    // A retried update of the deleted product does not bring it back.
    await deliverWebhook({ shop, topic: "products/update", body: product("Ghost", "2026-02-01T00:00:00Z") });
    expect(await row()).toBeUndefined();
    expect((await getSyncOverview(ids(shop))).overview.types.product.total).toBe(0);
  });

  it("applies customers and orders, keeping the counts right as mapped items come and go", async () => {
    const shop = await connectSeededShop(owner);
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: [{ resourceType: "order", shopifyId: 77, odooId: 1, odooInvoiceId: 2, status: "synced" }],
    });
    await deliverWebhook({
      shop,
      topic: "customers/create",
      body: {
        id: 55,
        email: "ada@example.com",
        first_name: "Ada",
        last_name: "Lovelace",
        updated_at: "2026-01-01T00:00:00Z",
      },
    });
    await deliverWebhook({
      shop,
      topic: "customers/update",
      body: {
        id: 56,
        email: "grace@example.com",
        first_name: null,
        last_name: null,
        updated_at: "2026-01-01T00:00:00Z",
      },
    });
    await deliverWebhook({
      shop,
      topic: "orders/create",
      body: { id: 77, name: "#1077", email: "ada@example.com", updated_at: "2026-01-01T00:00:00Z" },
    });
    await deliverWebhook({
      shop,
      topic: "orders/updated",
      body: { id: 78, name: "#1078", email: null, updated_at: "2026-01-01T00:00:00Z" },
    });
    expect(await indexItems(shop.store.id, "customer")).toEqual([
      {
        id: 55,
        title: "Ada Lovelace",
        email: "ada@example.com",
        skus: [],
        orderName: null,
        updatedAt: "2026-01-01T00:00:00.000Z",
      },
      {
        id: 56,
        title: "grace@example.com",
        email: "grace@example.com",
        skus: [],
        orderName: null,
        updatedAt: "2026-01-01T00:00:00.000Z",
      },
    ]);
    let overview = (await getSyncOverview(ids(shop))).overview;
    expect(overview.types.order).toMatchObject({ total: 2, synced: 1, failed: 0, notSynced: 1 });
    await deliverWebhook({ shop, topic: "orders/delete", body: { id: 77 } });
    await deliverWebhook({ shop, topic: "customers/delete", body: { id: 56 } });
    overview = (await getSyncOverview(ids(shop))).overview;
    expect(overview.types.order).toMatchObject({ total: 1, synced: 0, notSynced: 1 });
    expect(overview.types.customer.total).toBe(1);
    expect(await realCounts(shop.store.id)).toEqual({
      customer: { total: 1, synced: 0, failed: 0 },
      order: { total: 1, synced: 0, failed: 0 },
    });
  });

  it("receives the sandbox's own deliveries for a product created and renamed in Shopify", async () => {
    const shop = await connectSeededShop(owner);
    const created = await createSandboxProduct({ shopId: shop.shopId, title: "Delivered scarf" });
    const id = Number(created.product.id);
    await eventually(async () =>
      (await indexItems(shop.store.id, "product")).find((item) => item.id === id && item.title === "Delivered scarf"),
    );
    await updateSandboxProduct({ shopId: shop.shopId, productId: id, changes: { title: "Delivered scarf (red)" } });
    await eventually(async () =>
      (await indexItems(shop.store.id, "product")).find(
        (item) => item.id === id && item.title === "Delivered scarf (red)",
      ),
    );
    const [row] = await db
      .select()
      .from(shopifyIndexSearch)
      .where(and(eq(shopifyIndexSearch.storeId, shop.store.id), eq(shopifyIndexSearch.shopifyId, id)));
    expect(row!.searchText).toBe("delivered scarf (red)");
  });

  it("erases a redacted customer from the index, and a redacted shop's index and mappings", async () => {
    const shop = await connectSeededShop(owner);
    await deliverWebhook({
      shop,
      topic: "customers/create",
      body: {
        id: 61,
        email: "kim@example.com",
        first_name: "Kim",
        last_name: "Lee",
        updated_at: "2026-01-01T00:00:00Z",
      },
    });
    await deliverWebhook({
      shop,
      topic: "orders/create",
      body: { id: 62, name: "#1062", email: "kim@example.com", updated_at: "2026-01-01T00:00:00Z" },
    });
    await deliverWebhook({
      shop,
      topic: "orders/create",
      body: { id: 63, name: "#1063", email: "other@example.com", updated_at: "2026-01-01T00:00:00Z" },
    });
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: [{ resourceType: "order", shopifyId: 62, odooId: 1, status: "synced" }],
    });
    await deliverWebhook({
      shop,
      topic: "customers/redact",
      body: {
        shop_domain: shop.store.shopDomain,
        customer: { id: 61, email: "kim@example.com" },
        orders_to_redact: [62],
      },
    });
    expect(await indexItems(shop.store.id, "customer")).toEqual([]);
    expect((await indexItems(shop.store.id, "order")).map((order) => [order.id, order.email])).toEqual([
      [62, null],
      [63, "other@example.com"],
    ]);
    // Nor is the customer left in the search text (decision 81).
    const searchTexts = async () =>
      (await db.select().from(shopifyIndexSearch).where(eq(shopifyIndexSearch.storeId, shop.store.id)))
        .map((search) => search.searchText)
        .sort();
    expect(await searchTexts()).toEqual(["#1062 #1062", "#1063 other@example.com #1063"]);

    // A disconnected store has no credentials left: the app's secret signs Shopify's shop/redact.
    await disconnectStore({ ...ids(shop), actor: SHOPIFY_ACTOR, reason: "app_uninstalled" });
    process.env.SHOPIFY_API_SECRET = "sync-index-test-app-secret";
    expect(
      await deliverWebhook({
        shop,
        topic: "shop/redact",
        body: { shop_domain: shop.store.shopDomain },
        secret: "sync-index-test-app-secret",
      }),
    ).toEqual({ status: 200, outcome: "handled" });
    expect(await indexItems(shop.store.id, "order")).toEqual([]);
    expect(await searchTexts()).toEqual([]);
    expect(await db.select().from(syncMappings).where(eq(syncMappings.storeId, shop.store.id))).toEqual([]);
    const audit = (await auditRows(shop.store.id)).map((row) => [row.action, row.details]);
    expect(audit).toContainEqual([
      "store.customer_redacted",
      { customerId: "61", orders: 1, erased: { webhookPayloads: 2, indexItems: 2 } },
    ]);
    expect(audit).toContainEqual([
      "store.shop_redacted",
      { erased: { webhookPayloads: 1, credentials: 1, indexItems: 2, mappings: 1 } },
    ]);
  });
});
