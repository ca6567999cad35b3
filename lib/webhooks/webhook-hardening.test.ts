// Issue 11, findings 4–6 for webhooks (docs/threat-model.md, T4–T6): text PostgreSQL refuses, bodies
// too big to read, headers not bound to the signed body, and compliance topics reaching rows the
// signer does not speak for. Every delivery goes through the real route handler.
import { createHmac, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as disconnectRoute from "@/app/api/stores/[storeId]/disconnect/route";
import * as tokenRoute from "@/app/api/stores/token/route";
import * as webhookRoute from "@/app/api/webhooks/shopify/route";
import { db } from "@/db/client";
import { shopifyIndexItems } from "@/db/schema/shopify-index";
import { shopifyWebhookEvents } from "@/db/schema/stores";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { storeCredentials } from "@/lib/stores/store-credentials";
import { addSandboxStoreAs, storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { BASE_URL, call } from "@/lib/testing/http";
import { WEBHOOK_MAX_BYTES } from "./receive-shopify-webhook";

const APP_SECRET = "hardening-app-secret";
serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  process.env.SHOPIFY_API_SECRET = APP_SECRET;
  owner = await signUp();
  await createOrg(owner);
});

type Delivery = { topic: string; shop: string; raw: string; secret: string; webhookId?: string; eventId?: string };

async function deliver({ topic, shop, raw, secret, webhookId = randomUUID(), eventId }: Delivery) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": shop,
    "x-shopify-webhook-id": webhookId,
    "x-shopify-hmac-sha256": createHmac("sha256", secret).update(raw).digest("base64"),
  };
  if (eventId) headers["x-shopify-event-id"] = eventId;
  const res = await webhookRoute.POST(
    new Request(`${BASE_URL}/api/webhooks/shopify`, { method: "POST", headers, body: raw }),
  );
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

async function sandboxStore() {
  const store = await addSandboxStoreAs(owner, "small");
  return { store, secret: storeCredentials(await storeRow(store.id))!.apiSecret! };
}

const product = (id: number, title = "Hat") =>
  JSON.stringify({
    id,
    title,
    updated_at: "2026-01-02T03:04:05Z",
    admin_graphql_api_id: `gid://shopify/Product/${id}`,
  });

const indexed = (storeId: string, shopifyId: number) =>
  db
    .select()
    .from(shopifyIndexItems)
    .where(and(eq(shopifyIndexItems.storeId, storeId), eq(shopifyIndexItems.shopifyId, shopifyId)));

describe("webhook hardening", () => {
  it("stores a payload with NUL and a lone surrogate (made storable) instead of answering 500", async () => {
    const { store, secret } = await sandboxStore();
    const webhookId = randomUUID();
    const raw = product(9001, "Ha\u0000t \ud800");
    const res = await deliver({ topic: "products/update", shop: store.shopDomain, raw, secret, webhookId });
    expect(res).toEqual({ status: 200, body: { outcome: "handled" } });
    const [row] = await db.select().from(shopifyWebhookEvents).where(eq(shopifyWebhookEvents.webhookId, webhookId));
    expect(row!.payload!.title).toBe("Ha\uFFFDt \uFFFD");
    expect((await indexed(store.id, 9001))[0]!.title).toBe("Ha\uFFFDt \uFFFD");
  });

  it("refuses a body over the cap with 413, declared or streamed, before looking at it", async () => {
    const { store, secret } = await sandboxStore();
    const raw = product(1, "x".repeat(WEBHOOK_MAX_BYTES));
    const declared = await webhookRoute.POST(
      new Request(`${BASE_URL}/api/webhooks/shopify`, {
        method: "POST",
        headers: { "content-length": String(raw.length), "x-shopify-shop-domain": store.shopDomain },
        body: raw,
      }),
    );
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const streamed = await deliver({ topic: "products/update", shop: store.shopDomain, raw, secret });
    expect(streamed.status).toBe(413);
  });

  it("does not let a signed update act as a delete under another topic, nor twice under a new webhook id", async () => {
    const { store, secret } = await sandboxStore();
    const raw = product(9002);
    const shop = store.shopDomain;
    expect((await deliver({ topic: "products/update", shop, raw, secret })).body!.outcome).toBe("handled");
    const swapped = await deliver({ topic: "products/delete", shop, raw, secret });
    expect(swapped.status).toBe(422);
    expect(swapped.body!.message).toMatch(/names the item only/);
    const asCustomer = await deliver({ topic: "customers/update", shop, raw, secret });
    expect(asCustomer.status).toBe(422);
    expect(asCustomer.body!.message).toMatch(/another kind of item/);
    expect(await indexed(store.id, 9002)).toHaveLength(1);
    // The same signed body under a fresh webhook id is the same delivery.
    const again = await deliver({ topic: "products/update", shop, raw, secret });
    expect(again).toEqual({ status: 200, body: { outcome: "duplicate" } });
  });

  it("handles one event id per topic once, whatever the webhook id", async () => {
    const { store, secret } = await sandboxStore();
    const eventId = randomUUID();
    const shop = store.shopDomain;
    const first = await deliver({ topic: "products/update", shop, raw: product(9003, "One"), secret, eventId });
    const second = await deliver({ topic: "products/update", shop, raw: product(9003, "Two"), secret, eventId });
    expect([first.body!.outcome, second.body!.outcome]).toEqual(["handled", "duplicate"]);
    expect((await indexed(store.id, 9003))[0]!.title).toBe("One");
  });

  it("refuses a compliance payload naming another shop than the delivery's", async () => {
    const { store, secret } = await sandboxStore();
    const raw = JSON.stringify({ shop_domain: "someone-else.myshopify.com" });
    const res = await deliver({ topic: "shop/redact", shop: store.shopDomain, raw, secret });
    expect(res.status).toBe(422);
  });

  it("acts on shop/redact only for the store whose secret signed it, not another organization's row", async () => {
    const { shop, accessToken } = await createSandboxShop({
      domain: `shared-${randomUUID().slice(0, 10)}.myshopify.com`,
      name: "Shared",
    });
    // Organization A connected the shop through the app (the app secret signs), got an item, disconnected.
    const a = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const storeA = a.body.store.id as string;
    await deliver({ topic: "products/create", shop: shop.domain, raw: product(9100), secret: APP_SECRET });
    expect(await indexed(storeA, 9100)).toHaveLength(1);
    expect(
      (await call(disconnectRoute.POST, "POST", "/x", { cookie: owner.cookie, params: { storeId: storeA } })).status,
    ).toBe(200);

    // Organization B connects the same shop by token with a secret of its own choosing.
    const attacker = await signUp();
    await createOrg(attacker);
    const b = await call(tokenRoute.POST, "POST", "/x", {
      cookie: attacker.cookie,
      body: { shop: shop.domain, accessToken, apiSecret: "attacker-chosen-secret" },
    });
    expect(b.status).toBe(201);
    const forged = JSON.stringify({ shop_domain: shop.domain, shop_id: 1 });
    const res = await deliver({
      topic: "shop/redact",
      shop: shop.domain,
      raw: forged,
      secret: "attacker-chosen-secret",
    });
    expect(res.status).toBe(200);
    expect(await indexed(storeA, 9100)).toHaveLength(1);

    // Shopify's own shop/redact (the app secret) still erases organization A's data.
    const real = JSON.stringify({ shop_domain: shop.domain, shop_id: 2 });
    expect((await deliver({ topic: "shop/redact", shop: shop.domain, raw: real, secret: APP_SECRET })).status).toBe(
      200,
    );
    expect(await indexed(storeA, 9100)).toHaveLength(0);
  });
});
