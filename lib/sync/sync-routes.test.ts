// The sync routes over a freshly added sandbox store, with the job chain (seed → mappings →
// index) run by in-process workers: counts that match Shopify's sync metafields and agree with
// the tabs, keyset pages that return every item once, search, the item drawer, exports, refresh,
// roles and input errors.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/stores/[storeId]/sync/export/route";
import * as itemRoute from "@/app/api/stores/[storeId]/sync/items/[type]/[shopifyId]/route";
import * as countRoute from "@/app/api/stores/[storeId]/sync/items/count/route";
import * as itemsExportRoute from "@/app/api/stores/[storeId]/sync/items/export/route";
import * as itemsRoute from "@/app/api/stores/[storeId]/sync/items/route";
import * as overviewRoute from "@/app/api/stores/[storeId]/sync/overview/route";
import * as refreshRoute from "@/app/api/stores/[storeId]/sync/refresh/route";
import { db } from "@/db/client";
import { sandboxShopifyShops } from "@/db/schema";
import { syncMappings } from "@/db/schema/mappings";
import { importShopifySyncState } from "@/lib/mappings/import-shopify-sync-state";
import type { TStoreView } from "@/lib/stores/schemas";
import { addSandboxStoreAs, auditRows, eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { ResourceType, SyncTab } from "@/lib/vocabulary/sync";
import { startWorkers, stopWorkers } from "@/lib/workers/start-workers";
import { pageStartQuery, tabTotalQuery } from "./list-sync-items";
import type { TSyncItem, TSyncItemDetail, TSyncItemsCount, TSyncItemsPage, TSyncOverview } from "./schemas";
import { syncMetafields } from "./testing/sync-helpers";

serveTestAppForFile();
let owner: TestUser;
let member: TestUser;
let store: TStoreView;
let shopId: number;
const TYPES: ResourceType[] = ["product", "customer", "order"];

const overviewOf = async (user: TestUser = owner) => {
  const res = await call<{ overview: TSyncOverview }>(overviewRoute.GET, "GET", "/x", {
    cookie: user.cookie,
    params: { storeId: store.id },
  });
  expect(res.status).toBe(200);
  return res.body.overview;
};

const itemsPage = (query: Record<string, string | number>, user: TestUser = owner) =>
  call<TSyncItemsPage & { error?: { field?: string } }>(
    itemsRoute.GET,
    "GET",
    `/x?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
    {
      cookie: user.cookie,
      params: { storeId: store.id },
    },
  );

async function allPages(query: { type: ResourceType; tab?: SyncTab; q?: string }, limit = 17): Promise<TSyncItem[]> {
  const items: TSyncItem[] = [];
  for (let after: string | null = null, pages = 0; pages < 1000; pages++) {
    const res = await itemsPage({ ...query, limit, ...(after ? { after } : {}) });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (!res.body.nextCursor) return items;
    expect(res.body.items).toHaveLength(limit);
    after = res.body.nextCursor;
  }
  throw new Error("too many pages");
}

beforeAll(async () => {
  await startWorkers();
  owner = await signUp();
  await createOrg(owner);
  member = await addMember(owner, "member");
  store = await addSandboxStoreAs(owner, "small");
  shopId = (
    await db
      .select({ id: sandboxShopifyShops.id })
      .from(sandboxShopifyShops)
      .where(eq(sandboxShopifyShops.domain, store.shopDomain))
  )[0]!.id;
  // The chain: seeded → mapping rows from the seeded metafields → index refresh, shown as under way at once.
  expect((await overviewOf()).index.refreshing).toBe(true);
  await eventually(async () => (await overviewOf()).index.state === "succeeded", 60_000);
}, 120_000);

afterAll(async () => {
  await stopWorkers();
});

describe("sync overview and lists", () => {
  it("shows a fresh sandbox store's realistic mix, matching Shopify's sync metafields", async () => {
    const overview = await overviewOf();
    const metafields = [...(await syncMetafields(shopId)).entries()];
    const expected = (type: string, status: string) =>
      metafields.filter(([gid, value]) => gid.includes(`/${type}/`) && value.status === status).length;
    expect(overview.types.order).toMatchObject({
      total: 200,
      synced: expected("Order", "synced"),
      failed: expected("Order", "failed"),
    });
    expect(overview.types.customer).toMatchObject({
      total: 100,
      synced: expected("Customer", "synced"),
      failed: expected("Customer", "failed"),
    });
    expect(overview.types.product).toMatchObject({
      total: 50,
      synced: expected("Product", "synced"),
      failed: expected("Product", "failed"),
    });
    for (const type of TYPES) {
      const counts = overview.types[type];
      expect(counts.synced + counts.failed + counts.notSynced).toBe(counts.total);
      expect(counts.lastSyncedAt).toEqual(expect.any(String));
    }
    expect(overview.types.order.synced).toBeGreaterThan(0);
    expect(overview.types.order.failed).toBeGreaterThan(0);
    expect(overview.types.order.notSynced).toBeGreaterThan(0);
    expect(overview.index).toMatchObject({
      state: "succeeded",
      refreshing: false,
      imported: { product: 50, customer: 100, order: 200 },
      lastError: null,
    });
    expect(overview.mirror).toEqual({ pending: 0, failed: 0 });
    // Members may read.
    expect((await overviewOf(member)).types.order.total).toBe(200);
  });

  it("tabs agree with the counts, and keyset pages return every item exactly once, newest first", async () => {
    const overview = await overviewOf();
    for (const type of TYPES) {
      const all = await allPages({ type });
      const ids = all.map((item) => Number(item.shopifyId));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(ids).toHaveLength(overview.types[type].total);
      const byTab = {
        synced: await allPages({ type, tab: "synced" }),
        failed: await allPages({ type, tab: "failed" }),
        not_synced: await allPages({ type, tab: "not_synced" }),
      };
      expect([byTab.synced.length, byTab.failed.length, byTab.not_synced.length]).toEqual([
        overview.types[type].synced,
        overview.types[type].failed,
        overview.types[type].notSynced,
      ]);
      expect(
        new Set([...byTab.synced, ...byTab.failed, ...byTab.not_synced].map((item) => Number(item.shopifyId))),
      ).toEqual(new Set(ids));
      for (const [tab, items] of Object.entries(byTab))
        expect(new Set(items.map((item) => item.status))).toEqual(items.length ? new Set([tab]) : new Set());
    }
  });

  it("rows carry the mapping: Odoo ids (and the invoice for orders), the error of failed items", async () => {
    const metafields = await syncMetafields(shopId);
    const [synced] = (await itemsPage({ type: "order", tab: "synced", limit: 1 })).body.items;
    const seeded = metafields.get(synced!.gid)!;
    expect(synced).toMatchObject({
      status: "synced",
      odooId: seeded.odoo_id,
      odooInvoiceId: seeded.odoo_invoice_id,
      lastError: null,
      orderName: expect.stringMatching(/^#\d+$/),
    });
    expect(synced!.syncedAt).toBe(new Date(seeded.synced_at as string).toISOString());
    const [failed] = (await itemsPage({ type: "customer", tab: "failed", limit: 1 })).body.items;
    expect(failed).toMatchObject({
      status: "failed",
      odooId: null,
      lastError: metafields.get(failed!.gid)!.error,
      email: expect.stringContaining("@"),
    });
    const [notSynced] = (await itemsPage({ type: "product", tab: "not_synced", limit: 1 })).body.items;
    expect(notSynced).toMatchObject({
      status: "not_synced",
      odooId: null,
      odooInvoiceId: null,
      lastError: null,
      syncedAt: null,
    });
    expect(notSynced!.skus.length).toBeGreaterThan(0);
  });

  it("searches title, email, SKU and order name; a search combines with tabs and pages", async () => {
    const customers = await allPages({ type: "customer" });
    const customer = customers[3]!;
    const byEmail = await allPages({ type: "customer", q: customer.email!.toUpperCase() });
    expect(byEmail.map((item) => item.shopifyId)).toEqual([customer.shopifyId]);
    const product = (await allPages({ type: "product" })).find((item) => item.skus.length > 0)!;
    expect((await allPages({ type: "product", q: product.skus[0]! })).map((item) => item.shopifyId)).toContain(
      product.shopifyId,
    );
    const order = (await allPages({ type: "order" })).at(-1)!;
    const byName = await allPages({ type: "order", q: order.orderName! });
    expect(byName.map((item) => item.orderName)).toContain(order.orderName);
    expect(
      byName.every((item) => item.title.includes(order.orderName!) || item.email?.includes(order.orderName!)),
    ).toBe(true);
    // A common word: pages of a filtered tab agree with filtering the whole tab.
    const word = customer.email!.split("@")[1]!;
    const failedMatches = await allPages({ type: "customer", tab: "failed", q: word }, 3);
    expect(failedMatches.map((item) => item.shopifyId)).toEqual(
      customers.filter((item) => item.status === "failed" && item.email!.includes(word)).map((item) => item.shopifyId),
    );
    // LIKE wildcards are taken literally.
    expect((await itemsPage({ type: "customer", q: "%" })).body.items).toEqual([]);
  });

  it("opens one item with its mapping details; unknown items are 404", async () => {
    const [order] = (await itemsPage({ type: "order", tab: "synced", limit: 1 })).body.items;
    const open = (type: string, shopifyId: string, user = owner) =>
      call<{ item: TSyncItemDetail; error: { field?: string } }>(itemRoute.GET, "GET", "/x", {
        cookie: user.cookie,
        params: { storeId: store.id, type, shopifyId },
      });
    const byId = await open("order", order!.shopifyId, member);
    expect(byId.status).toBe(200);
    expect(byId.body.item).toMatchObject({
      ...order,
      mapping: {
        status: "synced",
        odooId: order!.odooId,
        odooInvoiceId: order!.odooInvoiceId,
        mirror: { state: "done", error: null },
      },
    });
    expect((await open("order", order!.gid)).body.item.shopifyId).toBe(order!.shopifyId);
    const [plain] = (await itemsPage({ type: "product", tab: "not_synced", limit: 1 })).body.items;
    expect((await open("product", plain!.shopifyId)).body.item.mapping).toBeNull();
    expect((await open("order", "999999999999")).status).toBe(404);
    expect((await open("customer", order!.shopifyId)).status).toBe(404);
    const bad = await open("variant", "1");
    expect([bad.status, bad.body.error.field]).toEqual([422, "type"]);
    expect((await open("order", "12abc")).body.error.field).toBe("shopifyId");
  });

  it("a page by number is the page the cursors reach, the last one included; past the end is empty", async () => {
    // Tabs without a search find their later pages from the end of the index (decision 96): every
    // page of each is checked, so the switch-over at the middle and the short last page are too.
    const queries: { type: ResourceType; tab?: SyncTab; q?: string }[] = [
      { type: "order" },
      { type: "order", tab: "synced" },
      { type: "order", tab: "failed" },
      { type: "order", tab: "not_synced" },
      { type: "product", tab: "not_synced" },
      { type: "customer", q: "example" },
    ];
    for (const query of queries) {
      const all = await allPages(query, 17);
      const pages = Math.ceil(all.length / 17);
      const every = query.q ? [1, 2, Math.ceil(pages / 2), pages] : Array.from({ length: pages }, (_, i) => i + 1);
      for (const page of every) {
        const res = await itemsPage({ ...(query as Record<string, string>), page, limit: 17 });
        expect(res.status).toBe(200);
        expect(
          res.body.items.map((item) => item.shopifyId),
          `${JSON.stringify(query)} page ${page}`,
        ).toEqual(all.slice((page - 1) * 17, page * 17).map((item) => item.shopifyId));
        expect(res.body.nextCursor === null).toBe(page === pages);
      }
      expect((await itemsPage({ ...(query as Record<string, string>), page: pages + 1, limit: 17 })).body).toEqual({
        items: [],
        nextCursor: null,
      });
    }
  });

  it("finds a page's start from either end of the index at the same row", async () => {
    for (const type of TYPES) {
      for (const tab of ["all", "synced", "failed", "not_synced"] as const) {
        const total = Number(
          (await db.execute<{ total: string }>(tabTotalQuery({ storeId: store.id, type, tab }))).rows[0]!.total,
        );
        // The counters the end walk relies on are the list's own size.
        expect(total, `${type} ${tab}`).toBe((await allPages({ type, tab }, 50)).length);
        for (const limit of [1, 7, 50]) {
          for (let page = 1; (page - 1) * limit < total; page++) {
            const start = async (fromEnd: boolean) =>
              (
                await db.execute<{ shopify_id: string }>(
                  pageStartQuery({ storeId: store.id, type, tab, page, limit, total: fromEnd ? total : undefined }),
                )
              ).rows.map((row) => row.shopify_id);
            const forward = await start(false);
            expect(forward, `${type} ${tab} page ${page} of ${limit}`).toHaveLength(1);
            expect(await start(true), `${type} ${tab} page ${page} of ${limit}`).toEqual(forward);
          }
        }
      }
    }
  }, 120_000);

  it("counts a list as its pages hold it, searches included, for members too", async () => {
    const count = (query: Record<string, string>, user: TestUser = owner) =>
      call<TSyncItemsCount & { error?: { field?: string } }>(
        countRoute.GET,
        "GET",
        `/x?${new URLSearchParams(query)}`,
        { cookie: user.cookie, params: { storeId: store.id } },
      );
    const queries: Record<string, string>[] = [
      { type: "order" },
      { type: "order", tab: "failed" },
      { type: "customer", q: "example" },
      { type: "product", tab: "synced", q: "a" },
      { type: "customer", q: "no such customer anywhere" },
    ];
    for (const query of queries) {
      const res = await count(query, member);
      expect(res.status).toBe(200);
      expect(res.body, JSON.stringify(query)).toEqual({
        count: (await allPages(query as { type: ResourceType; tab?: SyncTab; q?: string }, 100)).length,
        capped: false,
      });
    }
    expect((await count({ type: "order", tab: "later" })).body.error?.field).toBe("tab");
  });

  it("answers 422 naming the field for bad list input", async () => {
    for (const [query, field] of [
      [{}, "type"],
      [{ type: "variant" }, "type"],
      [{ type: "order", tab: "archived" }, "tab"],
      [{ type: "order", limit: 0 }, "limit"],
      [{ type: "order", limit: "many" }, "limit"],
      [{ type: "order", limit: 101 }, "limit"],
      [{ type: "order", after: "not-a-cursor" }, "after"],
      [{ type: "order", page: 0 }, "page"],
      [{ type: "order", page: 1.5 }, "page"],
      [{ type: "order", page: "last" }, "page"],
      [{ type: "order", q: "x".repeat(201) }, "q"],
    ] as const) {
      const res = await itemsPage(query);
      expect([res.status, res.body.error?.field], JSON.stringify(query)).toEqual([422, field]);
    }
  });
});

describe("export and refresh", () => {
  it("streams the whole mapping as CSV or JSON to admins, audited; members get 403", async () => {
    const rows = await db.select().from(syncMappings).where(eq(syncMappings.storeId, store.id));
    const csv = await call<string>(exportRoute.GET, "GET", "/x?format=csv", {
      cookie: owner.cookie,
      params: { storeId: store.id },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="synco-mappings-sandbox-[\w-]+\.csv"$/,
    );
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "resource_type,shopify_id,shopify_gid,odoo_id,odoo_invoice_id,status,synced_at,last_error,updated_at,title,email,skus,order_name",
    );
    expect(lines).toHaveLength(rows.length + 1);
    const anOrder = rows.find((row) => row.resourceType === "order" && row.status === "synced")!;
    const [indexed] = (await allPages({ type: "order", tab: "synced" })).filter(
      (item) => item.shopifyId === String(anOrder.shopifyId),
    );
    expect(lines).toContain(
      [
        "order",
        anOrder.shopifyId,
        `gid://shopify/Order/${anOrder.shopifyId}`,
        anOrder.odooId,
        anOrder.odooInvoiceId,
        "synced",
        anOrder.syncedAt!.toISOString(),
        "",
        anOrder.updatedAt.toISOString(),
        // The natural keys: the order's name (its title) and its customer's email.
        indexed!.title,
        indexed!.email,
        "",
        indexed!.orderName,
      ].join(","),
    );

    const json = await call<{
      storeId: string;
      types: string[];
      mappings: { resourceType: string; shopifyId: string; status: string }[];
    }>(exportRoute.GET, "GET", "/x?format=json&types=order,customer", {
      cookie: owner.cookie,
      params: { storeId: store.id },
    });
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.body).toMatchObject({ storeId: store.id, types: ["order", "customer"] });
    expect(json.body.mappings).toHaveLength(rows.filter((row) => row.resourceType !== "product").length);
    expect(new Set(json.body.mappings.map((row) => row.resourceType))).toEqual(new Set(["order", "customer"]));

    expect(
      (await call(exportRoute.GET, "GET", "/x", { cookie: member.cookie, params: { storeId: store.id } })).status,
    ).toBe(403);
    const bad = await call(exportRoute.GET, "GET", "/x?format=xml", {
      cookie: owner.cookie,
      params: { storeId: store.id },
    });
    expect([bad.status, bad.body.error.field]).toEqual([422, "format"]);
    expect(
      (
        await call(exportRoute.GET, "GET", "/x?types=order,variant", {
          cookie: owner.cookie,
          params: { storeId: store.id },
        })
      ).body.error.field,
    ).toMatch(/^types/);
    const audit = (await auditRows(store.id)).filter((row) => row.action === "sync.mappings_exported");
    expect(audit.map((row) => row.details)).toEqual([
      { format: "csv", types: ["product", "customer", "order"] },
      { format: "json", types: ["order", "customer"] },
    ]);
  });

  it("exports a list's items as seen — every one, Not synced included — with names, status and times", async () => {
    const exportItems = async (query: Record<string, string>, user: TestUser = owner) =>
      call<string>(itemsExportRoute.GET, "GET", `/x?${new URLSearchParams(query)}`, {
        cookie: user.cookie,
        params: { storeId: store.id },
        headers: { "sec-fetch-site": "same-origin" },
      });
    const parse = (body: string) => body.trim().split("\r\n");
    const overview = await overviewOf();
    // The overview's: every item of every type, in the lists' order.
    const everything = await exportItems({});
    expect(everything.status).toBe(200);
    expect(everything.headers.get("content-disposition")).toMatch(
      /^attachment; filename="synco-items-sandbox-[\w-]+\.csv"$/,
    );
    const lines = parse(everything.body);
    expect(lines[0]).toBe(
      "Type,Shopify ID,Title,SKU,Email,Order name,Status,Odoo ID,Odoo invoice ID,Last synced,Last attempt,Error",
    );
    expect(lines).toHaveLength(
      1 + overview.types.product.total + overview.types.customer.total + overview.types.order.total,
    );
    // One list with its tab and search: exactly the rows its pages hold.
    for (const query of [
      { type: "order", tab: "not_synced" },
      { type: "customer", tab: "failed" },
      { type: "customer", q: "example" },
      { type: "product", tab: "synced", q: "a" },
    ] as Record<string, string>[]) {
      const items = await allPages(query as { type: ResourceType; tab?: SyncTab; q?: string }, 100);
      const exported = parse((await exportItems(query)).body).slice(1);
      expect(
        exported.map((line) => line.split(",")[1]),
        JSON.stringify(query),
      ).toEqual(items.map((item) => item.shopifyId));
    }
    const [failed] = (await itemsPage({ type: "order", tab: "failed", limit: 1 })).body.items;
    const failedLine = parse((await exportItems({ type: "order", tab: "failed" })).body)[1]!;
    expect(failedLine).toContain(`,Failed,,,,${failed!.syncedAt},`);
    expect(
      failedLine.startsWith(`order,${failed!.shopifyId},${failed!.title},,${failed!.email},${failed!.orderName},`),
    ).toBe(true);
    const [synced] = (await itemsPage({ type: "product", tab: "synced", limit: 1 })).body.items;
    const syncedLine = parse((await exportItems({ type: "product", tab: "synced" })).body)[1]!;
    expect(syncedLine).toContain(`,Synced,${synced!.odooId},,${synced!.syncedAt},${synced!.syncedAt},`);
    const notSynced = parse((await exportItems({ type: "product", tab: "not_synced" })).body)[1]!;
    expect(notSynced).toMatch(/,Not synced,,,,,$/);
    // A search no item matches: every type in turn gives nothing, and the download still ends.
    expect(parse((await exportItems({ q: "no item is called this" })).body)).toHaveLength(1);

    // Admins only, from this site only, audited once per download with what was exported.
    expect((await exportItems({ type: "order" }, member)).status).toBe(403);
    const crossSite = await call(itemsExportRoute.GET, "GET", "/x?type=order", {
      cookie: owner.cookie,
      params: { storeId: store.id },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const bad = await exportItems({ type: "variant" });
    expect([bad.status, (bad.body as unknown as { error: { field: string } }).error.field]).toEqual([422, "type"]);
    const audit = (await auditRows(store.id)).filter((row) => row.action === "sync.items_exported");
    expect(audit).toHaveLength(9);
    expect(audit.map((row) => row.details)).toContainEqual({
      types: ["customer"],
      tab: "all",
      q: "example",
      mirror: null,
    });
  });

  it("queues one refresh at a time for admins (202), members get 403, and the index ends refreshed", async () => {
    const before = await overviewOf();
    const post = () => call(refreshRoute.POST, "POST", "/x", { cookie: owner.cookie, params: { storeId: store.id } });
    const answers = await Promise.all([post(), post()]);
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    expect(answers.map((answer) => answer.body.alreadyQueued).sort()).toEqual([false, true]);
    for (const answer of answers) expect(["queued", "running"]).toContain(answer.body.refresh.state);
    expect(
      (await call(refreshRoute.POST, "POST", "/x", { cookie: member.cookie, params: { storeId: store.id } })).status,
    ).toBe(403);
    const after = await eventually(async () => {
      const overview = await overviewOf();
      return (
        overview.index.state === "succeeded" && overview.index.refreshedAt! > before.index.refreshedAt! && overview
      );
    }, 60_000);
    expect(after.types).toEqual(before.types);
  });

  it("the sync-state import through Shopify's API is idempotent: running it again changes nothing", async () => {
    const before = await db
      .select()
      .from(syncMappings)
      .where(eq(syncMappings.storeId, store.id))
      .orderBy(syncMappings.resourceType, syncMappings.shopifyId);
    await importShopifySyncState({ storeId: store.id, organizationId: store.organizationId });
    const after = await db
      .select()
      .from(syncMappings)
      .where(eq(syncMappings.storeId, store.id))
      .orderBy(syncMappings.resourceType, syncMappings.shopifyId);
    expect(after).toEqual(before);
    expect(new Set(after.map((row) => row.mirrorState))).toEqual(new Set(["done"]));
  });
});
