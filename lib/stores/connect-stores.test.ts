// Connecting stores over the real routes: a sandbox store (small in the request, medium by a
// background job), a custom app's access token checked live against the sandbox, the one-live-
// connection-per-shop rule across organizations, and the promise that no token ever comes back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import * as storesRoute from "@/app/api/stores/route";
import * as sandboxRoute from "@/app/api/stores/sandbox/route";
import * as tokenRoute from "@/app/api/stores/token/route";
import { db } from "@/db/client";
import { stores } from "@/db/schema/stores";
import { and, eq } from "drizzle-orm";
import { syncMappings } from "@/db/schema/mappings";
import { createOdooClient } from "@/lib/odoo/create-odoo-client";
import { findOdooConnection } from "./odoo/odoo-connection";
import { odooConnectionUrl, openOdooApiKey } from "./odoo/odoo-connection-secret";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { SANDBOX_STORE_SIZES, seedSandboxShop } from "@/lib/sandbox/shopify/provisioning";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { startWorkers, stopWorkers } from "@/lib/workers/start-workers";
import { operationRuns } from "@/db/schema/operations";
import { asc } from "drizzle-orm";
import { storeCredentials } from "./store-credentials";
import {
  addSandboxStoreAs,
  auditRows,
  eventually,
  sandboxCounts,
  sandboxSyncStateCount,
  sandboxSubscriptions,
  storeRow,
} from "./testing/store-helpers";
import { serveTestAppForFile } from "./testing/test-app-server";

const app = serveTestAppForFile();
let owner: TestUser;
let member: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  member = await addMember(owner, "member");
  await startWorkers();
});
afterAll(() => stopWorkers());

const freshShop = (prefix = "token", scopes?: string[]) =>
  createSandboxShop({
    domain: `${prefix}-${crypto.randomUUID().slice(0, 10)}.myshopify.com`,
    name: "Token shop",
    scopes,
  });

async function storeAs(user: TestUser, storeId: string) {
  const res = await call(storeRoute.GET, "GET", "/x", { cookie: user.cookie, params: { storeId } });
  return res.body.store as { seedStatus: string | null };
}

const runsOf = (storeId: string) =>
  db.select().from(operationRuns).where(eq(operationRuns.storeId, storeId)).orderBy(asc(operationRuns.createdAt));

describe("sandbox stores", () => {
  it("adds a small sandbox store: ready at once, token encrypted, audited, webhooks subscribed", async () => {
    const store = await addSandboxStoreAs(owner, "small");
    expect(store).toMatchObject({
      kind: "sandbox",
      status: "connected",
      sandboxSize: "small",
      seedStatus: "ready",
      metafieldNamespace: "synco",
    });
    const row = await storeRow(store.id);
    const credentials = storeCredentials(row)!;
    expect(credentials.accessToken).toMatch(/^shpat_/);
    expect(credentials.apiSecret).toBeTruthy();
    expect(row.credentialsCiphertext).not.toContain(credentials.accessToken);
    expect(row.credentialsKeyId).toMatch(/^[0-9a-f]{16}$/);
    const { products, customers, orders } = SANDBOX_STORE_SIZES.small;
    expect(await sandboxCounts(store.shopDomain)).toEqual({ products, customers, orders });

    const audit = await auditRows(store.id);
    expect(audit.map((entry) => [entry.action, entry.details.kind])).toEqual([["store.connected", "sandbox"]]);
    expect(audit[0]!.actorEmail).toBe(owner.email);

    const subscriptions = await sandboxSubscriptions(store.shopDomain);
    expect(subscriptions.map((s) => s.topic).sort()).toEqual([
      "APP_UNINSTALLED",
      "CUSTOMERS_CREATE",
      "CUSTOMERS_DELETE",
      "CUSTOMERS_UPDATE",
      "ORDERS_CREATE",
      "ORDERS_DELETE",
      "ORDERS_UPDATED",
      "PRODUCTS_CREATE",
      "PRODUCTS_DELETE",
      "PRODUCTS_UPDATE",
    ]);
    expect(new Set(subscriptions.map((s) => s.uri))).toEqual(new Set([`${app().url}/api/webhooks/shopify`]));

    // No answer and no audit row carries a secret.
    const listed = await call(storesRoute.GET, "GET", "/api/stores", { cookie: member.cookie });
    const one = await call(storeRoute.GET, "GET", "/x", { cookie: member.cookie, params: { storeId: store.id } });
    for (const text of [
      JSON.stringify(store),
      JSON.stringify(listed.body),
      JSON.stringify(one.body),
      JSON.stringify(audit),
    ]) {
      expect(text).not.toContain(credentials.accessToken);
      expect(text).not.toContain(credentials.apiSecret);
      expect(text).not.toContain("credentials");
    }
    expect(listed.body.stores.map((s: { id: string }) => s.id)).toContain(store.id);
    // The index refresh runs on meanwhile: its counts may have moved since the store was added.
    const { sync: _sync, ...fixed } = store;
    expect(one.body.store).toMatchObject(fixed);
    expect(one.body.store.sync.refreshError).toBeNull();
  });

  it("seeds a medium store in a run: seeding, then ready with its webhooks, then its first index refresh", async () => {
    const store = await addSandboxStoreAs(owner, "medium");
    expect(store.seedStatus).toBe("seeding");
    const ready = await eventually(async () => {
      const view = await storeAs(owner, store.id);
      return view.seedStatus !== "seeding" && view;
    }, 120_000);
    expect(ready.seedStatus).toBe("ready");
    const { products, customers, orders } = SANDBOX_STORE_SIZES.medium;
    expect(await sandboxCounts(store.shopDomain)).toEqual({ products, customers, orders });
    expect((await sandboxSubscriptions(store.shopDomain)).length).toBe(10);
    // The seed run counted what it wrote; the refresh it queued reads the seeded sync state first.
    const refreshed = await eventually(async () => {
      const runs = await runsOf(store.id);
      return runs.some((run) => run.kind === "index_refresh" && run.status === "succeeded") && runs;
    }, 120_000);
    const [seed, refresh] = refreshed;
    expect(seed).toMatchObject({
      kind: "seed",
      status: "succeeded",
      trigger: "user",
      actorEmail: owner.email,
      scope: { size: "medium" },
      counters: {
        product: { planned: products, done: products, failed: 0 },
        customer: { planned: customers, done: customers, failed: 0 },
        order: { planned: orders, done: orders, failed: 0 },
      },
    });
    expect(refresh).toMatchObject({ kind: "index_refresh", trigger: "seed", actorEmail: null, status: "succeeded" });
    // Every item the seed gave sync state came in through Shopify's API as a mapping row.
    const synced = await sandboxSyncStateCount(store.shopDomain);
    expect(synced).toBeGreaterThan(0);
    expect(refresh!.counters.mapping).toEqual({ planned: synced, done: synced, failed: 0 });
    expect(refresh!.counters.order).toEqual({ planned: orders, done: orders, failed: 0 });
    // Beside the refresh, a job of its own gave its sandbox Odoo the orders its synced orders point to.
    const connection = (await findOdooConnection(store))!;
    expect(connection.sandbox).toBe(true);
    const odoo = createOdooClient({
      url: odooConnectionUrl(connection),
      database: connection.database,
      login: connection.login,
      apiKey: openOdooApiKey(connection),
    });
    const syncedOrders = await db
      .select({ odooId: syncMappings.odooId })
      .from(syncMappings)
      .where(
        and(
          eq(syncMappings.storeId, store.id),
          eq(syncMappings.resourceType, "order"),
          eq(syncMappings.status, "synced"),
        ),
      );
    expect(syncedOrders.length).toBeGreaterThan(0);
    await eventually(async () => (await odoo.searchCount("sale.order", [])) === syncedOrders.length, 120_000);
    const found = await odoo.read<{ id: number }>(
      "sale.order",
      syncedOrders.map((row) => row.odooId!),
      ["id"],
    );
    expect(found.length).toBe(syncedOrders.length);
    // A retried seed (say its worker died after the commit) finds the data there and only finishes up.
    expect(
      await seedSandboxShop({ shopDomain: store.shopDomain, size: "medium", namespace: store.metafieldNamespace }),
    ).toEqual({ seeded: false });
    expect(await sandboxCounts(store.shopDomain)).toEqual({ products, customers, orders });
  }, 150_000);

  it("answers at once for a large store and seeds it in the background", async () => {
    const started = performance.now();
    const store = await addSandboxStoreAs(owner, "large");
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(store.seedStatus).toBe("seeding");
    const ready = await eventually(async () => {
      const view = await storeAs(owner, store.id);
      return view.seedStatus !== "seeding" && view;
    }, 240_000);
    expect(ready.seedStatus).toBe("ready");
    expect((await sandboxCounts(store.shopDomain)).orders).toBe(SANDBOX_STORE_SIZES.large.orders);
  }, 300_000);

  it("adds a sandbox store with a chosen scope set, and refuses a scope the sandbox does not grant with 422 on scopes", async () => {
    const scopes = [
      "read_products",
      "write_products",
      "read_customers",
      "write_customers",
      "read_orders",
      "write_orders",
    ];
    const res = await call(sandboxRoute.POST, "POST", "/api/stores/sandbox", {
      cookie: owner.cookie,
      body: { size: "small", scopes },
    });
    expect(res.status).toBe(201);
    // Shopify reports what the token was granted: without read_all_orders the store sees 60 days of orders.
    expect(storeCredentials(await storeRow(res.body.store.id))!.scopes).toEqual(scopes);

    for (const body of [
      { size: "small", scopes: ["read_products", "read_inventory"] },
      { size: "small", scopes: [] },
      { size: "small", scopes: "read_products" },
    ]) {
      const refused = await call(sandboxRoute.POST, "POST", "/api/stores/sandbox", { cookie: owner.cookie, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.field, JSON.stringify(body)).toMatch(/^scopes/);
    }
  });

  it("lets members read but only admins add stores", async () => {
    const refused = await call((await import("@/app/api/stores/sandbox/route")).POST, "POST", "/x", {
      cookie: member.cookie,
      body: { size: "small" },
    });
    expect(refused.status).toBe(403);
    const bad = await call((await import("@/app/api/stores/sandbox/route")).POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { size: "huge" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe("size");
  });
});

describe("connect by access token", () => {
  it("saves a token the shop accepts, with the shop's name and the scopes Shopify reports for it", async () => {
    const { shop, accessToken } = await freshShop();
    const res = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(res.status).toBe(201);
    expect(res.body.store).toMatchObject({
      kind: "shopify",
      status: "connected",
      shopDomain: shop.domain,
      name: "Token shop",
    });
    expect(res.body.webhooks.subscribed).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(accessToken);
    const credentials = storeCredentials(await storeRow(res.body.store.id))!;
    expect(credentials.accessToken).toBe(accessToken);
    expect(credentials.scopes.sort()).toEqual([
      "read_all_orders",
      "read_customers",
      "read_orders",
      "read_products",
      "write_customers",
      "write_orders",
      "write_products",
    ]);
    const audit = await auditRows(res.body.store.id);
    expect(audit[0]).toMatchObject({ action: "store.connected", details: { kind: "shopify", method: "token" } });
    expect(JSON.stringify(audit)).not.toContain(accessToken);
  });

  it("takes write scopes as granting their reads: a token with the three write scopes connects", async () => {
    const { shop, accessToken } = await freshShop("writes", ["write_products", "write_customers", "write_orders"]);
    const res = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(res.status).toBe(201);
    // Shopify lists the implied reads too, so they are recorded as granted.
    expect(storeCredentials(await storeRow(res.body.store.id))!.scopes).toEqual([
      "write_products",
      "write_customers",
      "write_orders",
      "read_products",
      "read_customers",
      "read_orders",
    ]);
  });

  it("refuses a token without every required scope with 422 on accessToken, naming the missing ones, and saves nothing", async () => {
    const { shop, accessToken } = await freshShop("narrow", [
      "read_products",
      "write_products",
      "read_customers",
      "read_orders",
    ]);
    const res = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("accessToken");
    expect(res.body.error.message).toContain("This token is missing write_customers and write_orders.");
    expect(res.body.error.message).toContain("add the Admin API scopes write_customers and write_orders");
    expect(res.body.error.details).toEqual({ missingScopes: ["write_customers", "write_orders"] });
    expect(JSON.stringify(res.body)).not.toContain(accessToken);
    expect(await db.select().from(stores).where(eq(stores.shopDomain, shop.domain))).toEqual([]);
    expect(await sandboxSubscriptions(shop.domain)).toEqual([]);
  });

  it("marks a token store for re-authorisation when the configured scopes outgrow what it recorded", async () => {
    // An organization of its own, so no other test's stores are marked.
    const admin = await signUp();
    await createOrg(admin, "Scopes agency");
    const { shop, accessToken } = await freshShop();
    const res = await call(tokenRoute.POST, "POST", "/x", {
      cookie: admin.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(res.status).toBe(201);
    process.env.SHOPIFY_SCOPES = "read_inventory";
    try {
      const listed = await call(storesRoute.GET, "GET", "/x", { cookie: admin.cookie });
      expect(listed.body.stores.find((s: { id: string }) => s.id === res.body.store.id).status).toBe("needs_reauth");
    } finally {
      delete process.env.SHOPIFY_SCOPES;
    }
  });

  it("refuses a token the shop rejects with 422 on accessToken and saves nothing", async () => {
    const { shop } = await freshShop();
    const res = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: shop.domain, accessToken: "shpat_not-the-right-one" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("accessToken");
    expect(JSON.stringify(res.body)).not.toContain("shpat_not-the-right-one");
    expect(await db.select().from(stores).where(eq(stores.shopDomain, shop.domain))).toEqual([]);
  });

  it("answers 422 naming the field for a domain that is not *.myshopify.com", async () => {
    const res = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: "shop.example.com", accessToken: "x" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("shop");
  });

  it("gives a second organization 409 for a shop live elsewhere, without saying where", async () => {
    const { shop, accessToken } = await freshShop();
    expect(
      (await call(tokenRoute.POST, "POST", "/x", { cookie: owner.cookie, body: { shop: shop.domain, accessToken } }))
        .status,
    ).toBe(201);
    const rival = await signUp();
    const rivalOrg = await createOrg(rival, "Rival agency");
    const res = await call(tokenRoute.POST, "POST", "/x", {
      cookie: rival.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).not.toMatch(/Org |Tenant|@example/);
    expect((await db.select().from(stores).where(eq(stores.organizationId, rivalOrg.id))).length).toBe(0);
  });
});
