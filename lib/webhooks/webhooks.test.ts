// Webhooks over real HTTP: signatures (sandbox installation secret, app secret for real stores),
// one handling per webhook id, the sandbox's own deliveries (a product created, the app
// uninstalled) reaching the receiver, and the compliance topics acting on what we hold.
import { createHmac, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/stores/token/route";
import * as webhookRoute from "@/app/api/webhooks/shopify/route";
import { db } from "@/db/client";
import { sandboxShopifyShops } from "@/db/schema";
import { shopifyWebhookEvents } from "@/db/schema/stores";
import { createSandboxProduct } from "@/lib/sandbox/shopify/create-sandbox-product";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { SANDBOX_DEFAULT_APP } from "@/lib/sandbox/shopify/install-sandbox-app";
import { uninstallSandboxApp } from "@/lib/sandbox/shopify/uninstall-sandbox-app";
import { storeCredentials } from "@/lib/stores/store-credentials";
import { addSandboxStoreAs, auditRows, eventually, storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

const APP_SECRET = "webhook-test-app-secret";
const app = serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  process.env.SHOPIFY_API_SECRET = APP_SECRET;
  owner = await signUp();
  await createOrg(owner);
});

type Delivery = { topic: string; shop: string; body: unknown; secret: string; webhookId?: string; hmac?: string };

async function deliver({ topic, shop, body, secret, webhookId = randomUUID(), hmac }: Delivery) {
  const raw = JSON.stringify(body);
  const res = await webhookRoute.POST(
    new Request(`${app().url}/api/webhooks/shopify`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": topic,
        "x-shopify-shop-domain": shop,
        "x-shopify-webhook-id": webhookId,
        "x-shopify-api-version": "2026-01",
        "x-shopify-hmac-sha256": hmac ?? createHmac("sha256", secret).update(raw).digest("base64"),
      },
      body: raw,
    }),
  );
  return { status: res.status, body: (await res.json()) as { outcome: string } };
}

const events = (webhookId: string) =>
  db.select().from(shopifyWebhookEvents).where(eq(shopifyWebhookEvents.webhookId, webhookId));

async function sandboxStore() {
  const store = await addSandboxStoreAs(owner, "small");
  const secret = storeCredentials(await storeRow(store.id))!.apiSecret!;
  return { store, secret };
}

describe("Shopify webhooks", () => {
  it("checks the signature with the sandbox installation's secret: good 200, bad or missing 401", async () => {
    const { store, secret } = await sandboxStore();
    const body = { id: 1, title: "Hat" };
    const good = await deliver({
      topic: "products/update",
      shop: store.shopDomain,
      body,
      secret,
      webhookId: "good-" + randomUUID(),
    });
    expect(good).toEqual({ status: 200, body: { outcome: "handled" } });

    const badId = "bad-" + randomUUID();
    expect(
      (await deliver({ topic: "products/update", shop: store.shopDomain, body, secret: "wrong", webhookId: badId }))
        .status,
    ).toBe(401);
    expect(
      (await deliver({ topic: "products/update", shop: store.shopDomain, body, secret, webhookId: badId, hmac: "" }))
        .status,
    ).toBe(401);
    // The app secret does not sign a sandbox store's webhooks.
    expect(
      (await deliver({ topic: "products/update", shop: store.shopDomain, body, secret: APP_SECRET, webhookId: badId }))
        .status,
    ).toBe(401);
    expect(await events(badId)).toEqual([]);
  });

  it("handles each webhook id once: a repeat answers 200 and changes nothing", async () => {
    const { store, secret } = await sandboxStore();
    const webhookId = randomUUID();
    const first = await deliver({
      topic: "orders/create",
      shop: store.shopDomain,
      body: { id: 10, customer: { id: 5 } },
      secret,
      webhookId,
    });
    const again = await deliver({
      topic: "orders/create",
      shop: store.shopDomain,
      body: { id: 10, customer: { id: 99 } },
      secret,
      webhookId,
    });
    expect([first.body.outcome, again.body.outcome]).toEqual(["handled", "duplicate"]);
    expect(again.status).toBe(200);
    const rows = await events(webhookId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      topic: "orders/create",
      storeId: store.id,
      payload: { id: 10, customer: { id: 5 } },
      processedAt: expect.any(Date),
    });
  });

  it("signs real stores' webhooks with SHOPIFY_API_SECRET", async () => {
    const { shop, accessToken } = await createSandboxShop({
      domain: `real-${randomUUID().slice(0, 10)}.myshopify.com`,
      name: "Real",
    });
    const connected = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(connected.status).toBe(201);
    expect(
      (await deliver({ topic: "customers/create", shop: shop.domain, body: { id: 3 }, secret: APP_SECRET })).status,
    ).toBe(200);
    expect(
      (await deliver({ topic: "customers/create", shop: shop.domain, body: { id: 3 }, secret: "someone-else" })).status,
    ).toBe(401);
  });

  it("accepts a custom app's own secret given when connecting by token", async () => {
    const { shop, accessToken } = await createSandboxShop({
      domain: `custom-${randomUUID().slice(0, 10)}.myshopify.com`,
      name: "Custom",
    });
    const body = { shop: shop.domain, accessToken, apiSecret: "custom-app-secret" };
    expect((await call(tokenRoute.POST, "POST", "/x", { cookie: owner.cookie, body })).status).toBe(201);
    expect(
      (await deliver({ topic: "orders/create", shop: shop.domain, body: { id: 4 }, secret: "custom-app-secret" }))
        .status,
    ).toBe(200);
    expect(
      (await deliver({ topic: "orders/create", shop: shop.domain, body: { id: 4 }, secret: "not-it" })).status,
    ).toBe(401);
  });

  it("receives the sandbox's own deliveries: a product created, then the app uninstalled", async () => {
    const { store } = await sandboxStore();
    const [shop] = await db.select().from(sandboxShopifyShops).where(eq(sandboxShopifyShops.domain, store.shopDomain));
    await createSandboxProduct({ shopId: shop!.id, title: "Delivered hat" });
    const recorded = await eventually(async () => {
      const [row] = await db
        .select()
        .from(shopifyWebhookEvents)
        .where(and(eq(shopifyWebhookEvents.storeId, store.id), eq(shopifyWebhookEvents.topic, "products/create")));
      return row;
    });
    expect(recorded.payload).toMatchObject({ title: "Delivered hat" });

    await uninstallSandboxApp({ shopId: shop!.id, appId: SANDBOX_DEFAULT_APP.id });
    const gone = await eventually(async () => {
      const row = await storeRow(store.id);
      return row.status === "disconnected" && row;
    });
    expect(gone.credentialsCiphertext).toBeNull();
    const audit = await auditRows(store.id);
    expect(audit.at(-1)).toMatchObject({
      action: "store.disconnected",
      actorEmail: "Shopify",
      details: { kind: "sandbox", reason: "app_uninstalled" },
    });
  });

  it("customers/redact erases that customer's payloads; data_request reports them; shop/redact erases the shop's", async () => {
    const { store, secret } = await sandboxStore();
    const shop = store.shopDomain;
    const send = (topic: string, body: unknown) => deliver({ topic, shop, body, secret });
    await send("customers/update", { id: 7, email: "seven@example.com" });
    await send("orders/create", { id: 70, customer: { id: 7 } });
    await send("orders/updated", { id: 71 });
    await send("customers/update", { id: 8, email: "eight@example.com" });
    const held = async () =>
      (await db.select().from(shopifyWebhookEvents).where(eq(shopifyWebhookEvents.storeId, store.id))).filter(
        (row) => row.payload,
      );

    await send("customers/data_request", {
      shop_domain: shop,
      customer: { id: 7 },
      orders_requested: [71],
      data_request: { id: 9 },
    });
    await send("customers/redact", {
      shop_domain: shop,
      customer: { id: 7, email: "seven@example.com" },
      orders_to_redact: [71],
    });
    expect((await held()).map((row) => row.payload!.id)).toEqual([8]);

    await send("shop/redact", { shop_domain: shop });
    expect(await held()).toEqual([]);
    const actions = (await auditRows(store.id)).map((row) => [row.action, row.details]);
    expect(actions).toContainEqual([
      "store.customer_data_requested",
      { customerId: "7", dataRequestId: 9, held: { webhookPayloads: 3, indexItems: 2 } },
    ]);
    expect(actions).toContainEqual([
      "store.customer_redacted",
      { customerId: "7", orders: 1, erased: { webhookPayloads: 3, indexItems: 2 } },
    ]);
    expect(actions).toContainEqual([
      "store.shop_redacted",
      { erased: { webhookPayloads: 1, credentials: 0, indexItems: 0, mappings: 0 } },
    ]);
    // Compliance payloads (personal data) are not kept, only that they came.
    const compliance = await db
      .select()
      .from(shopifyWebhookEvents)
      .where(and(eq(shopifyWebhookEvents.storeId, store.id), eq(shopifyWebhookEvents.topic, "customers/redact")));
    expect(compliance.map((row) => row.payload)).toEqual([null]);
  });
});
