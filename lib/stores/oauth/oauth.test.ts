// The OAuth flow end to end: our start route, a local stand-in for Shopify's authorize and token
// endpoints, our callback, then the sandbox answering Admin GraphQL with the token obtained.
// Every refusal (forged HMAC, bad, replayed or expired state, another shop) stores nothing.
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as callbackRoute from "@/app/api/shopify/oauth/callback/route";
import * as configRoute from "@/app/api/shopify/oauth/config/route";
import * as startRoute from "@/app/api/shopify/oauth/start/route";
import * as reauthorizeRoute from "@/app/api/stores/[storeId]/reauthorize/route";
import * as storesRoute from "@/app/api/stores/route";
import * as tokenRoute from "@/app/api/stores/token/route";
import { db } from "@/db/client";
import { shopifyOauthStates, stores } from "@/db/schema/stores";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { getStoreAccessToken } from "@/lib/stores/get-store-access-token";
import { shopifyClientFor } from "@/lib/stores/store-client";
import { encryptCredentials, storeCredentials } from "@/lib/stores/store-credentials";
import { auditRows, sandboxSubscriptions, storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

const API = { apiKey: "test-api-key", apiSecret: "test-api-secret-0123456789" };
const app = serveTestAppForFile({
  oauth: { ...API, expiring: { expiresIn: 3600, refreshTokenExpiresIn: 30 * 86_400 } },
});
let owner: TestUser;

beforeAll(async () => {
  process.env.SHOPIFY_API_KEY = API.apiKey;
  process.env.SHOPIFY_API_SECRET = API.apiSecret;
  owner = await signUp();
  await createOrg(owner);
});
afterEach(() => {
  delete process.env.SHOPIFY_SCOPES;
  app().standIn!.options.grantScopes = undefined;
});

const newShop = () => `oauth-${crypto.randomUUID().slice(0, 10)}.myshopify.com`;
const storesOf = (shop: string) => db.select().from(stores).where(eq(stores.shopDomain, shop));

/** Starts the flow as `user` and follows the stand-in's redirect: the callback URL Shopify would send the browser to. */
async function authorize(user: TestUser, shop: string): Promise<URL> {
  const started = await call(startRoute.POST, "POST", "/x", { cookie: user.cookie, body: { shop } });
  expect(started.status).toBe(200);
  const consent = await fetch(started.body.authorizeUrl, { redirect: "manual" });
  expect(consent.status).toBe(302);
  return new URL(consent.headers.get("location")!);
}

async function finish(user: TestUser, callbackUrl: URL) {
  const res = await call(callbackRoute.GET, "GET", `${callbackUrl.pathname}${callbackUrl.search}`, {
    cookie: user.cookie,
  });
  expect(res.status).toBe(303);
  return new URL(res.headers.get("location")!);
}

/** The callback query with some values changed and signed again with `secret`. */
function tampered(url: URL, changes: Record<string, string>, secret = API.apiSecret): URL {
  const query = Object.fromEntries([...url.searchParams].filter(([key]) => key !== "hmac"));
  const next = new URL(url);
  next.search = app()
    .standIn!.sign({ ...query, ...changes }, secret)
    .toString();
  return next;
}

describe("Shopify OAuth", () => {
  it("tells the merchant what to do while OAuth is not set up, and refuses to start without it", async () => {
    const saved = process.env.SHOPIFY_API_SECRET;
    delete process.env.SHOPIFY_API_SECRET;
    try {
      const config = await call(configRoute.GET, "GET", "/x", { cookie: owner.cookie });
      expect(config.body).toMatchObject({
        configured: false,
        unavailable: { message: expect.stringContaining("custom app's access token"), instead: "token" },
      });
      const started = await call(startRoute.POST, "POST", "/x", { cookie: owner.cookie, body: { shop: newShop() } });
      expect(started.status).toBe(409);
      expect(started.body.error.message).toContain("custom app's access token");
      // Server settings are the operator's, in the log: a merchant is never told a variable's name.
      for (const body of [config.body, started.body])
        expect(JSON.stringify(body)).not.toMatch(/SHOPIFY_|API_KEY|API_SECRET/);
    } finally {
      process.env.SHOPIFY_API_SECRET = saved;
    }
    const config = await call(configRoute.GET, "GET", "/x", { cookie: owner.cookie });
    expect(config.body).toMatchObject({ configured: true, unavailable: null });
    expect(config.body.scopes).toEqual([
      "read_products",
      "write_products",
      "read_customers",
      "write_customers",
      "read_orders",
      "write_orders",
      "read_all_orders",
    ]);
  });

  it("accepts only *.myshopify.com shops, with a 422 on shop", async () => {
    for (const shop of ["evil.example.com", "shop.myshopify.com.evil.io", "a b.myshopify.com"]) {
      const res = await call(startRoute.POST, "POST", "/x", { cookie: owner.cookie, body: { shop } });
      expect(res.status, shop).toBe(422);
      expect(res.body.error.field).toBe("shop");
    }
  });

  it("connects a store: encrypted expiring token with its refresh token, webhooks, audit", async () => {
    const shop = newShop();
    const authorizeUrl = await authorize(owner, shop);
    expect(authorizeUrl.searchParams.get("shop")).toBe(shop);
    const landed = await finish(owner, authorizeUrl);
    expect(landed.pathname).toMatch(/^\/stores\/[0-9a-f-]{36}$/);
    expect(landed.searchParams.get("connected")).toBe("shopify");

    const [store] = await storesOf(shop);
    expect(store).toMatchObject({
      kind: "shopify",
      connectionMethod: "oauth",
      status: "connected",
      organizationId: expect.any(String),
    });
    const credentials = storeCredentials(store!)!;
    expect(credentials.refreshToken).toMatch(/^shprt_/);
    expect(new Date(credentials.accessTokenExpiresAt!).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    expect(credentials.scopes).toContain("write_orders");
    expect(store!.credentialsCiphertext).not.toContain(credentials.accessToken);
    expect((await sandboxSubscriptions(shop)).length).toBe(10);
    const audit = await auditRows(store!.id);
    expect(audit.map((row) => [row.action, row.details.kind, row.details.method])).toEqual([
      ["store.connected", "shopify", "oauth"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(credentials.accessToken);
  });

  it("refuses a forged HMAC, a bad, replayed or expired state and another shop — storing nothing", async () => {
    const shop = newShop();
    const good = await authorize(owner, shop);
    expect((await finish(owner, tampered(good, {}, "not-the-app-secret"))).searchParams.get("oauth_error")).toBe(
      "invalid_hmac",
    );
    const forgedHmac = new URL(good);
    forgedHmac.searchParams.set("hmac", "0".repeat(64));
    expect((await finish(owner, forgedHmac)).searchParams.get("oauth_error")).toBe("invalid_hmac");
    expect((await finish(owner, tampered(good, { state: "made-up-state" }))).searchParams.get("oauth_error")).toBe(
      "invalid_state",
    );
    const otherShop = newShop();
    expect((await finish(owner, tampered(good, { shop: otherShop }))).searchParams.get("oauth_error")).toBe(
      "shop_mismatch",
    );
    // The state was used by the refused attempt above: single use, even then.
    expect((await finish(owner, good)).searchParams.get("oauth_error")).toBe("invalid_state");
    expect(await storesOf(shop)).toEqual([]);
    expect(await storesOf(otherShop)).toEqual([]);

    const expiring = await authorize(owner, shop);
    await db
      .update(shopifyOauthStates)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(shopifyOauthStates.shopDomain, shop));
    expect((await finish(owner, expiring)).searchParams.get("oauth_error")).toBe("expired_state");
    expect(await storesOf(shop)).toEqual([]);
  });

  it("keeps a shop connected in one organization out of another, before and after consent", async () => {
    const shop = newShop();
    const rival = await signUp();
    await createOrg(rival, "Rival agency");
    const rivalCallback = await authorize(rival, shop);
    await finish(owner, await authorize(owner, shop));
    expect((await finish(rival, rivalCallback)).searchParams.get("oauth_error")).toBe("already_connected");
    const again = await call(startRoute.POST, "POST", "/x", { cookie: rival.cookie, body: { shop } });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).not.toContain(owner.email);
    expect((await storesOf(shop)).map((row) => row.createdBy)).toEqual([owner.id]);
  });

  it("binds the state to the session that started it and refuses a replayed callback", async () => {
    const shop = newShop();
    const callbackUrl = await authorize(owner, shop);
    const colleague = await addMember(owner, "admin");
    expect((await finish(colleague, callbackUrl)).searchParams.get("oauth_error")).toBe("invalid_state");
    expect((await finish(owner, callbackUrl)).searchParams.get("connected")).toBe("shopify");
    expect((await finish(owner, callbackUrl)).searchParams.get("oauth_error")).toBe("invalid_state");
    expect((await storesOf(shop)).length).toBe(1);
  });

  it("renews an expiring token with its refresh token before it runs out", async () => {
    const shop = newShop();
    await finish(owner, await authorize(owner, shop));
    const [store] = await storesOf(shop);
    const before = storeCredentials(store!)!;
    await db
      .update(stores)
      .set(
        encryptCredentials(store!.id, { ...before, accessTokenExpiresAt: new Date(Date.now() + 60_000).toISOString() }),
      )
      .where(eq(stores.id, store!.id));
    const refreshes = app().standIn!.refreshes;
    const { accessToken } = await getStoreAccessToken({ storeId: store!.id, organizationId: store!.organizationId });
    expect(app().standIn!.refreshes).toBe(refreshes + 1);
    expect(accessToken).not.toBe(before.accessToken);
    const after = storeCredentials(await storeRow(store!.id))!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(new Date(after.accessTokenExpiresAt!).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    const answer = await shopifyClientFor({ ...store!, accessToken }).request<{
      shop: { myshopifyDomain: string };
    }>(`#graphql
      query RenewedTokenWorks { shop { myshopifyDomain } }`);
    expect(answer.data.shop.myshopifyDomain).toBe(shop);
    // Not due yet: no second renewal.
    await getStoreAccessToken({ storeId: store!.id, organizationId: store!.organizationId });
    expect(app().standIn!.refreshes).toBe(refreshes + 1);
  });

  it("asks for re-authorisation when the refresh token has run out too", async () => {
    const shop = newShop();
    await finish(owner, await authorize(owner, shop));
    const [store] = await storesOf(shop);
    const past = new Date(Date.now() - 1000).toISOString();
    await db
      .update(stores)
      .set(
        encryptCredentials(store!.id, {
          ...storeCredentials(store!)!,
          accessTokenExpiresAt: past,
          refreshTokenExpiresAt: past,
        }),
      )
      .where(eq(stores.id, store!.id));
    await expect(getStoreAccessToken({ storeId: store!.id, organizationId: store!.organizationId })).rejects.toThrow(
      /re-authorise/,
    );
    expect((await storeRow(store!.id)).status).toBe("needs_reauth");
  });

  it("asks for re-authorisation when granted scopes fall short, and re-authorises", async () => {
    const shop = newShop();
    app().standIn!.options.grantScopes = "read_products,write_products";
    await finish(owner, await authorize(owner, shop));
    const [store] = await storesOf(shop);
    expect(store!.status).toBe("needs_reauth");
    app().standIn!.options.grantScopes = undefined;

    const again = await call(reauthorizeRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: store!.id },
    });
    expect(again.status).toBe(200);
    const consent = await fetch(again.body.authorizeUrl, { redirect: "manual" });
    await finish(owner, new URL(consent.headers.get("location")!));
    expect((await storeRow(store!.id)).status).toBe("connected");

    // The app's configured scopes grow: the store must be authorised again.
    process.env.SHOPIFY_SCOPES = "read_inventory";
    const listed = await call(storesRoute.GET, "GET", "/x", { cookie: owner.cookie });
    expect(listed.body.stores.find((s: { id: string }) => s.id === store!.id).status).toBe("needs_reauth");
  });

  it("records a token store re-authorised through Shopify as connected by OAuth from then on", async () => {
    const { shop, accessToken } = await createSandboxShop({ domain: newShop(), name: "Token then OAuth" });
    const connected = await call(tokenRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      body: { shop: shop.domain, accessToken },
    });
    expect(connected.body.store.connectionMethod).toBe("token");
    const again = await call(reauthorizeRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: connected.body.store.id },
    });
    const consent = await fetch(again.body.authorizeUrl, { redirect: "manual" });
    await finish(owner, new URL(consent.headers.get("location")!));
    expect(await storeRow(connected.body.store.id)).toMatchObject({ status: "connected", connectionMethod: "oauth" });
  });
});
