// Replacing the token of a store connected by token, over the real route against the sandbox
// Shopify: a working new token reconnects the store (and is the one used from then on); a token
// of another shop, a token short of scopes and a refused token change nothing; members get 403,
// other organizations 404, stores not connected by token 409.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as replaceRoute from "@/app/api/stores/[storeId]/token/route";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import * as tokenRoute from "@/app/api/stores/token/route";
import { db } from "@/db/client";
import { sandboxShopifyWebhookSubscriptions } from "@/db/schema";
import { stores } from "@/db/schema/stores";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { installSandboxApp } from "@/lib/sandbox/shopify/install-sandbox-app";
import { rotateSandboxAccessToken } from "@/lib/sandbox/shopify/rotate-sandbox-access-token";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { getStoreAccessToken } from "./get-store-access-token";
import type { TStoreView } from "./schemas";
import { storeCredentials } from "./store-credentials";
import { addSandboxStoreAs, auditRows, sandboxSubscriptions, storeRow } from "./testing/store-helpers";
import { serveTestAppForFile } from "./testing/test-app-server";

serveTestAppForFile();
let owner: TestUser;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  admin = await addMember(owner, "admin");
  member = await addMember(owner, "member");
});

/** A store connected by token (with the app's secret) to a fresh sandbox shop. */
async function tokenStore(user: TestUser = owner) {
  const created = await createSandboxShop({
    domain: `replace-${crypto.randomUUID().slice(0, 10)}.myshopify.com`,
    name: "Replace shop",
  });
  const res = await call(tokenRoute.POST, "POST", "/x", {
    cookie: user.cookie,
    body: { shop: created.shop.domain, accessToken: created.accessToken, apiSecret: created.installation.apiSecret },
  });
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...created, store: res.body.store as TStoreView };
}

const replace = (user: TestUser, storeId: string, body: unknown) =>
  call(replaceRoute.PUT, "PUT", "/x", { cookie: user.cookie, params: { storeId }, body });

/** What a refusal must leave exactly as it was. */
const snapshot = async (storeId: string) => ({
  row: await storeRow(storeId),
  audit: (await auditRows(storeId)).length,
});

describe("replace a store's access token", () => {
  it("records how each store was connected and shows it to the browser", async () => {
    const { store } = await tokenStore();
    expect(store.connectionMethod).toBe("token");
    expect((await storeRow(store.id)).connectionMethod).toBe("token");
    expect((await addSandboxStoreAs(owner)).connectionMethod).toBe("sandbox");
  });

  it("reconnects a store whose token was revoked: new token saved and used, webhooks subscribed again, audited without it", async () => {
    const { shop, installation, store } = await tokenStore();
    // The merchant rotates the token in Shopify: the old one stops working and the store needs attention.
    const newToken = (await rotateSandboxAccessToken({ domain: shop.domain }))!;
    await db.update(stores).set({ status: "needs_reauth" }).where(eq(stores.id, store.id));
    await db.delete(sandboxShopifyWebhookSubscriptions).where(eq(sandboxShopifyWebhookSubscriptions.shopId, shop.id));

    const res = await replace(admin, store.id, { accessToken: newToken });
    expect(res.status).toBe(200);
    expect(res.body.store).toMatchObject({ id: store.id, status: "connected", connectionMethod: "token" });
    expect(res.body.webhooks.subscribed).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(newToken);

    const credentials = storeCredentials(await storeRow(store.id))!;
    expect(credentials.accessToken).toBe(newToken);
    expect(credentials.apiSecret).toBe(installation.apiSecret);
    expect(credentials.scopes.length).toBeGreaterThan(0);
    // The subscriptions could only be made again with the new token (the old one is dead).
    expect((await sandboxSubscriptions(shop.domain)).length).toBe(10);
    expect((await getStoreAccessToken({ storeId: store.id, organizationId: store.organizationId })).accessToken).toBe(
      newToken,
    );
    expect(
      (await call(storeRoute.GET, "GET", "/x", { cookie: member.cookie, params: { storeId: store.id } })).body.store
        .status,
    ).toBe("connected");

    const audit = await auditRows(store.id);
    expect(audit.at(-1)).toMatchObject({
      action: "store.token_replaced",
      actorEmail: admin.email,
      target: shop.domain,
      details: { kind: "shopify", previousStatus: "needs_reauth", apiSecretReplaced: false },
    });
    expect(JSON.stringify(audit)).not.toContain(newToken);
    expect(JSON.stringify(audit)).not.toContain(installation.apiSecret);
  });

  it("refuses a token of another shop and changes nothing: 422 when this shop rejects it, 409 when the shop answering is another", async () => {
    const { store } = await tokenStore();
    const other = await createSandboxShop({
      domain: `other-${crypto.randomUUID().slice(0, 10)}.myshopify.com`,
      name: "Other shop",
    });
    const before = await snapshot(store.id);
    // As on Shopify, the store's own address does not accept another shop's token.
    const rejected = await replace(owner, store.id, { accessToken: other.accessToken });
    expect(rejected.status).toBe(422);
    expect(rejected.body.error.field).toBe("accessToken");
    // The live `shop` query names another shop (here: the store's address served by the other shop).
    const origin = process.env.SYNCO_DEV_SHOPIFY_ORIGIN!;
    process.env.SYNCO_DEV_SHOPIFY_ORIGIN = origin.replace("{shop}", other.shop.domain);
    try {
      const res = await replace(owner, store.id, { accessToken: other.accessToken });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: "conflict", field: "accessToken" });
      expect(res.body.error.message).toContain(`not ${store.shopDomain}`);
      expect(JSON.stringify(res.body)).not.toContain(other.accessToken);
    } finally {
      process.env.SYNCO_DEV_SHOPIFY_ORIGIN = origin;
    }
    expect(await snapshot(store.id)).toEqual(before);
  });

  it("answers 422 on accessToken naming the missing scopes when the configured scopes grew, changes nothing, then takes a token that has them", async () => {
    const { shop, store } = await tokenStore();
    process.env.SHOPIFY_SCOPES = "read_inventory";
    try {
      // Reading the store marks it: its recorded scopes no longer cover the configured set.
      expect(
        (await call(storeRoute.GET, "GET", "/x", { cookie: owner.cookie, params: { storeId: store.id } })).body.store
          .status,
      ).toBe("needs_reauth");
      const short = await installSandboxApp({
        shopId: shop.id,
        app: { id: 31_415, handle: "narrow" },
        scopes: ["read_products", "write_products", "write_customers", "write_orders"],
      });
      const before = await snapshot(store.id);
      const refused = await replace(owner, store.id, { accessToken: short.accessToken });
      expect(refused.status).toBe(422);
      expect(refused.body.error.field).toBe("accessToken");
      expect(refused.body.error.message).toContain("This token is missing read_inventory.");
      expect(refused.body.error.details).toEqual({ missingScopes: ["read_inventory"] });
      expect(await snapshot(store.id)).toEqual(before);

      const full = await installSandboxApp({
        shopId: shop.id,
        app: { id: 27_183, handle: "synco-new" },
        scopes: [
          "read_products",
          "write_products",
          "read_customers",
          "write_customers",
          "read_orders",
          "write_orders",
          "read_inventory",
        ],
      });
      const res = await replace(owner, store.id, {
        accessToken: full.accessToken,
        apiSecret: full.installation.apiSecret,
      });
      expect(res.status).toBe(200);
      expect(res.body.store.status).toBe("connected");
      const credentials = storeCredentials(await storeRow(store.id))!;
      expect(credentials).toMatchObject({ accessToken: full.accessToken, apiSecret: full.installation.apiSecret });
      expect(credentials.scopes).toContain("read_inventory");
      expect((await auditRows(store.id)).at(-1)!.details).toMatchObject({ apiSecretReplaced: true });
    } finally {
      delete process.env.SHOPIFY_SCOPES;
    }
  });

  it("answers 422 on accessToken for a token Shopify refuses, or none, and changes nothing", async () => {
    const { store } = await tokenStore();
    const before = await snapshot(store.id);
    for (const body of [{ accessToken: "shpat_not-the-right-one" }, { accessToken: "" }, {}]) {
      const res = await replace(owner, store.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.field).toBe("accessToken");
    }
    expect(await snapshot(store.id)).toEqual(before);
  });

  it("is for admins: members get 403, another organization 404, and nothing changes", async () => {
    const { store, accessToken } = await tokenStore();
    const before = await snapshot(store.id);
    expect((await replace(member, store.id, { accessToken })).status).toBe(403);
    const outsider = await signUp();
    await createOrg(outsider, "Outsider agency");
    const foreign = await replace(outsider, store.id, { accessToken });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");
    expect(await snapshot(store.id)).toEqual(before);
  });

  it("answers 409 for stores not connected by token: sandbox and disconnected ones", async () => {
    const sandbox = await addSandboxStoreAs(owner);
    expect((await replace(owner, sandbox.id, { accessToken: "shpat_x" })).status).toBe(409);
    const { store, accessToken } = await tokenStore();
    await call((await import("@/app/api/stores/[storeId]/disconnect/route")).POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: store.id },
    });
    const res = await replace(owner, store.id, { accessToken });
    expect(res.status).toBe(409);
    expect((await storeRow(store.id)).status).toBe("disconnected");
  });
});
