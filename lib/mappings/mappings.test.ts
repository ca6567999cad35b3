// Mapping rows and their Shopify mirror, on real PostgreSQL and over real HTTP to the sandbox:
// upsert / unique / failure, counters kept by triggers and their reconciliation, and metafields
// written in batches of 25 (a large batch as one bulk mutation) with refusals recorded per item.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sandboxShopifyBulkOperations } from "@/db/schema";
import { syncMappings, syncStatusCounts } from "@/db/schema/mappings";
import { deleteSandboxProduct } from "@/lib/sandbox/shopify/delete-sandbox-product";
import { setSandboxFaults } from "@/lib/sandbox/shopify/faults/set-sandbox-faults";
import { reconcileSyncCounts } from "@/lib/shopify-index/reconcile-sync-counts";
import { shopifyClientFor } from "@/lib/stores/store-client";
import { storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { connectSeededShop, sandboxIds, syncMetafields, type ShopStore } from "@/lib/sync/testing/sync-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { countMappings } from "./count-mappings";
import { markMappingFailed } from "./mark-mapping-failed";
import { mirrorMappings } from "./mirror-mappings";
import { upsertMapping } from "./upsert-mapping";
import { upsertMappings } from "./upsert-mappings";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const mappingRows = (storeId: string) =>
  db
    .select()
    .from(syncMappings)
    .where(eq(syncMappings.storeId, storeId))
    .orderBy(syncMappings.resourceType, syncMappings.shopifyId);
const ids = (shop: ShopStore) => ({ storeId: shop.store.id, organizationId: shop.store.organizationId });

async function clientFor(shop: ShopStore, options: { maxRetries?: number } = {}) {
  const store = await storeRow(shop.store.id);
  return shopifyClientFor(
    { ...store, accessToken: shop.accessToken },
    { backoff: { baseMs: 5, capMs: 20 }, ...options },
  );
}

describe("sync mappings", () => {
  it("inserts, updates in place (unique per store, type and Shopify id) and leaves an unchanged write alone", async () => {
    const shop = await connectSeededShop(owner);
    const first = await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: [
        {
          resourceType: "order",
          shopifyId: "gid://shopify/Order/11",
          odooId: 501,
          odooInvoiceId: 9001,
          status: "synced",
          syncedAt: "2026-01-02T03:04:05.000Z",
        },
        { resourceType: "product", shopifyId: 11, odooId: 77, status: "synced", syncedAt: "2026-01-02T03:04:05.000Z" },
      ],
    });
    expect(first.written).toBe(2);
    // Same Shopify id, another type: a separate row. Same key: an update of that row.
    await upsertMapping({
      ...ids(shop),
      enqueueMirror: false,
      mapping: {
        resourceType: "order",
        shopifyId: 11,
        odooId: 502,
        odooInvoiceId: 9002,
        status: "synced",
        syncedAt: new Date("2026-02-01T00:00:00Z"),
      },
    });
    const unchanged = await upsertMapping({
      ...ids(shop),
      enqueueMirror: false,
      mapping: {
        resourceType: "product",
        shopifyId: "11",
        odooId: 77,
        status: "synced",
        syncedAt: "2026-01-02T03:04:05.000Z",
      },
    });
    expect(unchanged.written).toBe(0);
    const rows = await mappingRows(shop.store.id);
    expect(
      rows.map((row) => [row.resourceType, row.shopifyId, row.odooId, row.odooInvoiceId, row.version, row.mirrorState]),
    ).toEqual([
      ["order", 11, 502, 9002, 2, "pending"],
      ["product", 11, 77, null, 1, "pending"],
    ]);
    // The primary key itself refuses a second row for the same item.
    await expect(
      db
        .insert(syncMappings)
        .values({ storeId: shop.store.id, resourceType: "order", shopifyId: 11, status: "failed" }),
    ).rejects.toThrow();
  });

  it("refuses malformed ids, invoices on non-orders and another organization's store", async () => {
    const shop = await connectSeededShop(owner);
    await expect(
      upsertMapping({
        ...ids(shop),
        mapping: { resourceType: "order", shopifyId: "gid://shopify/Product/5", status: "synced" },
      }),
    ).rejects.toMatchObject({ code: "unprocessable", field: "mappings.0.shopifyId" });
    await expect(
      upsertMapping({
        ...ids(shop),
        mapping: { resourceType: "customer", shopifyId: 5, odooInvoiceId: 3, status: "synced" },
      }),
    ).rejects.toMatchObject({ field: "mappings.0.odooInvoiceId" });
    const stranger = await signUp();
    const otherOrg = await createOrg(stranger);
    await expect(
      upsertMapping({
        storeId: shop.store.id,
        organizationId: otherOrg.id,
        mapping: { resourceType: "order", shopifyId: 5, status: "synced" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await mappingRows(shop.store.id)).toEqual([]);
  });

  it("marks a failure: Odoo ids kept, error recorded, cleared by the next successful sync", async () => {
    const shop = await connectSeededShop(owner);
    await upsertMapping({
      ...ids(shop),
      enqueueMirror: false,
      mapping: {
        resourceType: "order",
        shopifyId: 21,
        odooId: 700,
        odooInvoiceId: 800,
        status: "synced",
        syncedAt: "2026-03-01T00:00:00Z",
      },
    });
    await markMappingFailed({
      ...ids(shop),
      resourceType: "order",
      shopifyId: 21,
      error: "Odoo: partner is archived",
      at: new Date("2026-03-02T00:00:00Z"),
    });
    await markMappingFailed({ ...ids(shop), resourceType: "customer", shopifyId: 22, error: "Odoo timed out" });
    let rows = await mappingRows(shop.store.id);
    expect(
      rows.map((row) => [row.resourceType, row.shopifyId, row.status, row.odooId, row.odooInvoiceId, row.lastError]),
    ).toEqual([
      ["customer", 22, "failed", null, null, "Odoo timed out"],
      ["order", 21, "failed", 700, 800, "Odoo: partner is archived"],
    ]);
    await upsertMapping({
      ...ids(shop),
      enqueueMirror: false,
      mapping: {
        resourceType: "order",
        shopifyId: 21,
        odooId: 700,
        odooInvoiceId: 801,
        status: "synced",
        syncedAt: "2026-03-03T00:00:00Z",
      },
    });
    rows = await mappingRows(shop.store.id);
    expect(rows.find((row) => row.shopifyId === 21)).toMatchObject({
      status: "synced",
      lastError: null,
      odooInvoiceId: 801,
    });
    expect(await countMappings(ids(shop))).toMatchObject({
      order: { synced: 1, failed: 0, total: 1 },
      customer: { synced: 0, failed: 1, total: 1 },
    });
  });

  it("keeps the counters equal to the rows through inserts, updates and deletes; reconciliation repairs drift", async () => {
    const shop = await connectSeededShop(owner);
    const many = Array.from({ length: 120 }, (_, i) => ({
      resourceType: (["product", "customer", "order"] as const)[i % 3]!,
      shopifyId: 1000 + i,
      odooId: i + 1,
      status: (i % 4 === 0 ? "failed" : "synced") as "synced" | "failed",
    }));
    await upsertMappings({ ...ids(shop), enqueueMirror: false, mappings: many });
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: many.slice(0, 30).map((m) => ({ ...m, status: "synced" as const })),
    });
    await db
      .delete(syncMappings)
      .where(and(eq(syncMappings.storeId, shop.store.id), sql`${syncMappings.shopifyId} % 7 = 0`));
    const actual = await db.execute<{ resource_type: string; synced: number; failed: number }>(sql`
      select resource_type, count(*) filter (where status = 'synced')::int as synced, count(*) filter (where status = 'failed')::int as failed
      from sync_mappings where store_id = ${shop.store.id} group by resource_type order by resource_type`);
    const counted = await countMappings(ids(shop));
    for (const row of actual.rows)
      expect(counted[row.resource_type as "order"]).toMatchObject({ synced: row.synced, failed: row.failed });
    expect(await reconcileSyncCounts({ storeId: shop.store.id })).toEqual({ statusesFixed: 0, countersFixed: 0 });

    await db
      .update(syncStatusCounts)
      .set({ mappingsSynced: 999 })
      .where(and(eq(syncStatusCounts.storeId, shop.store.id), eq(syncStatusCounts.resourceType, "order")));
    expect(await reconcileSyncCounts({ storeId: shop.store.id })).toEqual({ statusesFixed: 0, countersFixed: 1 });
    expect((await countMappings(ids(shop))).order.synced).toBe(
      actual.rows.find((row) => row.resource_type === "order")!.synced,
    );
  });
});

describe("the Shopify mirror", () => {
  it("writes 60 mappings as 3 metafieldsSet calls; Shopify then holds the same values", async () => {
    const shop = await connectSeededShop(owner, { products: 60 });
    const products = await sandboxIds(shop.shopId, "product");
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: products.map((id, i) => ({
        resourceType: "product",
        shopifyId: id,
        odooId: 5000 + i,
        status: i === 7 ? "failed" : "synced",
        syncedAt: "2026-04-01T10:00:00.250Z",
        error: i === 7 ? "Odoo: duplicate default_code" : null,
      })),
    });
    const client = await clientFor(shop);
    const result = await mirrorMappings({ ...ids(shop), client });
    expect(result).toEqual({ written: 60, refused: 0, metafieldsSetCalls: 3, bulkOperations: 0 });
    expect(client.stats().client.requests).toBe(3);
    const metafields = await syncMetafields(shop.shopId);
    expect(metafields.size).toBe(60);
    expect(metafields.get(`gid://shopify/Product/${products[0]}`)).toEqual({
      odoo_id: 5000,
      status: "synced",
      synced_at: "2026-04-01T10:00:00Z",
    });
    expect(metafields.get(`gid://shopify/Product/${products[7]}`)).toEqual({
      odoo_id: 5007,
      status: "failed",
      synced_at: "2026-04-01T10:00:00Z",
      error: "Odoo: duplicate default_code",
    });
    expect(new Set((await mappingRows(shop.store.id)).map((row) => row.mirrorState))).toEqual(new Set(["done"]));
    // Nothing pending: a second run sends nothing.
    expect(await mirrorMappings({ ...ids(shop), client })).toMatchObject({ written: 0, metafieldsSetCalls: 0 });
  });

  it("orders carry the invoice id; an item deleted in Shopify is refused alone and marked failed", async () => {
    const shop = await connectSeededShop(owner, { products: 3, customers: 3, orders: 3 });
    const [orders, products] = [await sandboxIds(shop.shopId, "order"), await sandboxIds(shop.shopId, "product")];
    await deleteSandboxProduct({ shopId: shop.shopId, productId: products[1]! });
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: [
        ...orders.map((id, i) => ({
          resourceType: "order" as const,
          shopifyId: id,
          odooId: 10 + i,
          odooInvoiceId: 90 + i,
          status: "synced" as const,
          syncedAt: "2026-05-05T05:05:05Z",
        })),
        ...products.map((id, i) => ({
          resourceType: "product" as const,
          shopifyId: id,
          odooId: 20 + i,
          status: "synced" as const,
          syncedAt: "2026-05-05T05:05:05Z",
        })),
      ],
    });
    const result = await mirrorMappings({ ...ids(shop), client: await clientFor(shop) });
    expect(result).toMatchObject({ written: 5, refused: 1, metafieldsSetCalls: 2 });
    const metafields = await syncMetafields(shop.shopId);
    expect(metafields.get(`gid://shopify/Order/${orders[0]}`)).toEqual({
      odoo_id: 10,
      odoo_invoice_id: 90,
      status: "synced",
      synced_at: "2026-05-05T05:05:05Z",
    });
    // Shopify ids are numbered per type: an order may carry the deleted product's number.
    const refused = (await mappingRows(shop.store.id)).find(
      (row) => row.resourceType === "product" && row.shopifyId === products[1],
    );
    expect(refused).toMatchObject({ mirrorState: "failed", status: "synced" });
    expect(refused!.mirrorError).toEqual(expect.any(String));
    // Writing the same values again retries a refused mirror.
    expect(
      (
        await upsertMapping({
          ...ids(shop),
          enqueueMirror: false,
          mapping: {
            resourceType: "product",
            shopifyId: products[1]!,
            odooId: 21,
            status: "synced",
            syncedAt: "2026-05-05T05:05:05Z",
          },
        })
      ).written,
    ).toBe(1);
  });

  it("sends a large batch (over 250) as one bulk mutation instead of metafieldsSet calls", async () => {
    const shop = await connectSeededShop(owner, { products: 20, customers: 300 });
    const customers = await sandboxIds(shop.shopId, "customer");
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: customers.map((id, i) => ({
        resourceType: "customer",
        shopifyId: id,
        odooId: 100 + i,
        status: "synced",
        syncedAt: "2026-06-01T00:00:00Z",
      })),
    });
    const result = await mirrorMappings({ ...ids(shop), client: await clientFor(shop) });
    expect(result).toEqual({ written: 300, refused: 0, metafieldsSetCalls: 0, bulkOperations: 1 });
    const operations = await db
      .select()
      .from(sandboxShopifyBulkOperations)
      .where(eq(sandboxShopifyBulkOperations.shopId, shop.shopId));
    expect(operations.map((operation) => [operation.type, operation.status, operation.rootObjectCount])).toEqual([
      ["MUTATION", "COMPLETED", 12],
    ]);
    const metafields = await syncMetafields(shop.shopId);
    expect(metafields.size).toBe(300);
    expect(metafields.get(`gid://shopify/Customer/${customers[299]}`)).toEqual({
      odoo_id: 399,
      status: "synced",
      synced_at: "2026-06-01T00:00:00Z",
    });
  }, 60_000);

  it("keeps rows pending when Shopify is down, and writes them once it is back", async () => {
    const shop = await connectSeededShop(owner, { orders: 5, customers: 5, products: 5 });
    const orders = await sandboxIds(shop.shopId, "order");
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: orders.map((id) => ({
        resourceType: "order",
        shopifyId: id,
        odooId: id,
        odooInvoiceId: id,
        status: "synced",
      })),
    });
    await setSandboxFaults({ shopId: shop.shopId, faults: { serverErrorRate: 1 } });
    await expect(mirrorMappings({ ...ids(shop), client: await clientFor(shop, { maxRetries: 1 }) })).rejects.toThrow(
      /failed/,
    );
    expect(new Set((await mappingRows(shop.store.id)).map((row) => row.mirrorState))).toEqual(new Set(["pending"]));
    await setSandboxFaults({ shopId: shop.shopId, faults: null });
    expect(await mirrorMappings({ ...ids(shop), client: await clientFor(shop) })).toMatchObject({ written: 5 });
    expect((await syncMetafields(shop.shopId)).size).toBe(5);
  });

  it("does not write while the store's sync is paused (a clear is running)", async () => {
    const shop = await connectSeededShop(owner, { products: 2 });
    const products = await sandboxIds(shop.shopId, "product");
    await upsertMappings({
      ...ids(shop),
      enqueueMirror: false,
      mappings: products.map((id) => ({ resourceType: "product", shopifyId: id, odooId: id, status: "synced" })),
    });
    await db.execute(sql`update stores set sync_paused = true where id = ${shop.store.id}`);
    expect(await mirrorMappings({ ...ids(shop), client: await clientFor(shop) })).toMatchObject({
      written: 0,
      stopped: "paused",
    });
    expect((await syncMetafields(shop.shopId)).size).toBe(0);
  });
});
