// Mappings Shopify refused to store (`mirror=failed` on the item lists): items deleted in Shopify
// before their mapping reached it are listed with Shopify's message — also once they have left
// the index — combine with tabs, search and keyset pages, open in the drawer, are counted per
// type on the overview, and are read along the partial index of refused rows.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/stores/[storeId]/sync/items/[type]/[shopifyId]/route";
import * as itemsRoute from "@/app/api/stores/[storeId]/sync/items/route";
import * as overviewRoute from "@/app/api/stores/[storeId]/sync/overview/route";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { shopifyIndexItems, shopifyIndexTombstones } from "@/db/schema/shopify-index";
import { mirrorMappings } from "@/lib/mappings/mirror-mappings";
import { upsertMappings } from "@/lib/mappings/upsert-mappings";
import { deleteSandboxCustomer } from "@/lib/sandbox/shopify/delete-sandbox-customer";
import { deleteSandboxProduct } from "@/lib/sandbox/shopify/delete-sandbox-product";
import { refreshIndexNow } from "@/lib/operations/testing/run-now";
import { eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { syncItemsQuery } from "./list-sync-items";
import type { TSyncItem, TSyncItemDetail, TSyncItemsPage, TSyncOverview } from "./schemas";
import { connectSeededShop, indexItems, sandboxIds, type ShopStore } from "./testing/sync-helpers";

serveTestAppForFile();
let owner: TestUser;
let outsider: TestUser;
let shop: ShopStore;
let products: number[];
let customers: number[];
/** Shopify's message per refused mapping, as the mirror recorded it. */
let refused: Map<string, string>;

const list = (query: Record<string, string | number>, user: TestUser = owner) =>
  call<TSyncItemsPage & { error?: { field?: string } }>(
    itemsRoute.GET,
    "GET",
    `/x?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
    {
      cookie: user.cookie,
      params: { storeId: shop.store.id },
    },
  );

const ids = (items: TSyncItem[]) => items.map((item) => Number(item.shopifyId));

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  outsider = await signUp();
  await createOrg(outsider);
  shop = await connectSeededShop(owner, { products: 6, customers: 4 });
  const scope = { storeId: shop.store.id, organizationId: shop.store.organizationId };
  [products, customers] = [await sandboxIds(shop.shopId, "product"), await sandboxIds(shop.shopId, "customer")];
  await refreshIndexNow(scope);
  await deleteSandboxProduct({ shopId: shop.shopId, productId: products[1]! });
  await deleteSandboxProduct({ shopId: shop.shopId, productId: products[4]! });
  expect(await deleteSandboxCustomer({ shopId: shop.shopId, customerId: customers[2]! })).toBe("deleted");
  // Shopify's delete webhooks take the items out of the index; wait for all three, so none lands later.
  await eventually(
    async () =>
      (await db.select().from(shopifyIndexTombstones).where(eq(shopifyIndexTombstones.storeId, shop.store.id)))
        .length === 3,
  );
  expect((await indexItems(shop.store.id, "product")).map((item) => item.id)).toEqual(
    products.filter((id) => id !== products[1] && id !== products[4]),
  );
  await upsertMappings({
    ...scope,
    enqueueMirror: false,
    mappings: [
      ...products.map((id, i) => ({
        resourceType: "product" as const,
        shopifyId: id,
        odooId: i === 4 ? null : 100 + i,
        status: i === 4 ? ("failed" as const) : ("synced" as const),
        syncedAt: "2026-07-01T00:00:00Z",
        error: i === 4 ? "Odoo: duplicate default_code" : null,
      })),
      ...customers.map((id, i) => ({
        resourceType: "customer" as const,
        shopifyId: id,
        odooId: 200 + i,
        status: "synced" as const,
        syncedAt: "2026-07-01T00:00:00Z",
      })),
    ],
  });
  expect(await mirrorMappings(scope)).toMatchObject({ written: 7, refused: 3 });
  const rows = await db
    .select()
    .from(syncMappings)
    .where(and(eq(syncMappings.storeId, shop.store.id), eq(syncMappings.mirrorState, "failed")));
  refused = new Map(rows.map((row) => [`${row.resourceType}/${row.shopifyId}`, row.mirrorError!]));
  expect([...refused.keys()].sort()).toEqual(
    [`customer/${customers[2]}`, `product/${products[1]}`, `product/${products[4]}`].sort(),
  );
  for (const message of refused.values()) expect(message).toMatch(/\w/);
  // An index that has not heard of a delete yet still shows the item: it is listed with its title.
  await db.insert(shopifyIndexItems).values({
    storeId: shop.store.id,
    resourceType: "product",
    shopifyId: products[4]!,
    title: "Stale Wool Sweater",
    shopifyUpdatedAt: new Date("2026-06-01T00:00:00Z"),
  });
}, 120_000);

describe("items Shopify refused to store", () => {
  it("lists exactly the refused items of a type, newest first, with Shopify's message — deleted items too", async () => {
    const page = await list({ type: "product", mirror: "failed" });
    expect(page.status).toBe(200);
    expect(ids(page.body.items)).toEqual([products[4]!, products[1]!]);
    const [stillIndexed, gone] = page.body.items;
    expect(stillIndexed).toMatchObject({
      status: "failed",
      title: "Stale Wool Sweater",
      lastError: "Odoo: duplicate default_code",
      mirrorError: refused.get(`product/${products[4]}`),
      shopifyUpdatedAt: "2026-06-01T00:00:00.000Z",
    });
    expect(gone).toMatchObject({
      status: "synced",
      odooId: 101,
      mirrorError: refused.get(`product/${products[1]}`),
      title: "",
      shopifyUpdatedAt: null,
      gid: `gid://shopify/Product/${products[1]}`,
    });
    expect(
      (await list({ type: "customer", mirror: "failed" })).body.items.map((item) => [
        Number(item.shopifyId),
        item.mirrorError,
      ]),
    ).toEqual([[customers[2], refused.get(`customer/${customers[2]}`)]]);
    expect((await list({ type: "order", mirror: "failed" })).body.items).toEqual([]);
    // Without the filter nothing changes: the index's items, with the mirror message on the refused one.
    const all = (await list({ type: "product" })).body.items;
    expect(ids(all)).toEqual([...products].filter((id) => id !== products[1]).reverse());
    expect(all.filter((item) => item.mirrorError).map((item) => Number(item.shopifyId))).toEqual([products[4]]);
  });

  it("combines with tabs, search and keyset pages", async () => {
    expect(ids((await list({ type: "product", mirror: "failed", tab: "failed" })).body.items)).toEqual([products[4]]);
    expect(ids((await list({ type: "product", mirror: "failed", tab: "synced" })).body.items)).toEqual([products[1]]);
    expect((await list({ type: "product", mirror: "failed", tab: "not_synced" })).body.items).toEqual([]);
    expect(ids((await list({ type: "product", mirror: "failed", q: "WOOL sweat" })).body.items)).toEqual([products[4]]);
    expect((await list({ type: "product", mirror: "failed", q: "cotton" })).body.items).toEqual([]);
    const first = await list({ type: "product", mirror: "failed", limit: 1 });
    expect([ids(first.body.items), first.body.nextCursor]).toEqual([[products[4]], expect.any(String)]);
    const second = await list({ type: "product", mirror: "failed", limit: 1, after: first.body.nextCursor! });
    expect([ids(second.body.items), second.body.nextCursor]).toEqual([[products[1]], null]);
  });

  it("counts them per type on the overview, and the drawer opens an item deleted in Shopify with Shopify's message", async () => {
    const overview = (
      await call<{ overview: TSyncOverview }>(overviewRoute.GET, "GET", "/x", {
        cookie: owner.cookie,
        params: { storeId: shop.store.id },
      })
    ).body.overview;
    expect(overview.mirror).toEqual({ pending: 0, failed: 3 });
    expect([
      overview.types.product.mirrorFailed,
      overview.types.customer.mirrorFailed,
      overview.types.order.mirrorFailed,
    ]).toEqual([2, 1, 0]);
    const open = await call<{ item: TSyncItemDetail }>(itemRoute.GET, "GET", "/x", {
      cookie: owner.cookie,
      params: { storeId: shop.store.id, type: "product", shopifyId: String(products[1]) },
    });
    expect(open.status).toBe(200);
    expect(open.body.item).toMatchObject({
      shopifyUpdatedAt: null,
      mirrorError: refused.get(`product/${products[1]}`),
      mapping: {
        status: "synced",
        odooId: 101,
        mirror: { state: "failed", error: refused.get(`product/${products[1]}`) },
      },
    });
  });

  it("answers 404 to another organization's member and 422 naming the field for a bad filter", async () => {
    const foreign = await list({ type: "product", mirror: "failed" }, outsider);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(String(products[1]));
    for (const mirror of ["pending", "FAILED", "", "done"]) {
      const res = await list({ type: "product", mirror });
      expect([res.status, res.body.error?.field], mirror).toEqual([422, "mirror"]);
    }
  });

  it("reads the refused rows along their partial index, not the pending backlog or the table", async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = syncItemsQuery({
        storeId: shop.store.id,
        type: "product",
        tab: "all",
        mirror: "failed",
        afterId: null,
        limit: 51,
      });
      return JSON.stringify((await tx.execute(sql`explain (format json) ${query}`)).rows);
    });
    expect(plan).toContain("sync_mappings_mirror_failed_idx");
  });
});
