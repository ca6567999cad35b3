// When Shopify stops accepting a store's token (revoked, the custom app uninstalled before its
// webhook arrived), background work says so instead of failing quietly retry after retry: the
// store needs attention (audited, actor Shopify), the index refresh fails with a message saying
// what to do, the mirror stops with its rows still pending — and a token replaced meanwhile is
// never marked.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as replaceRoute from "@/app/api/stores/[storeId]/token/route";
import * as tokenRoute from "@/app/api/stores/token/route";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { mirrorMappings } from "@/lib/mappings/mirror-mappings";
import { upsertMappings } from "@/lib/mappings/upsert-mappings";
import { createSandboxProduct } from "@/lib/sandbox/shopify/create-sandbox-product";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { rotateSandboxAccessToken } from "@/lib/sandbox/shopify/rotate-sandbox-access-token";
import { refreshIndexNow } from "@/lib/operations/testing/run-now";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { TStoreView } from "./schemas";
import { markStoreAccessLost } from "./store-shopify-client";
import { auditRows, storeRow } from "./testing/store-helpers";
import { serveTestAppForFile } from "./testing/test-app-server";

serveTestAppForFile();
let owner: TestUser;
let organizationId: string;

beforeAll(async () => {
  owner = await signUp();
  organizationId = (await createOrg(owner)).id;
});

async function tokenStore() {
  const created = await createSandboxShop({
    domain: `lost-${crypto.randomUUID().slice(0, 10)}.myshopify.com`,
    name: "Lost shop",
  });
  const res = await call(tokenRoute.POST, "POST", "/x", {
    cookie: owner.cookie,
    body: { shop: created.shop.domain, accessToken: created.accessToken, apiSecret: created.installation.apiSecret },
  });
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...created, store: res.body.store as TStoreView };
}

describe("a store whose token Shopify no longer accepts", () => {
  it("needs attention after an index refresh meets the 401, audited once, and the refresh says what to do", async () => {
    const { shop, store } = await tokenStore();
    await rotateSandboxAccessToken({ domain: shop.domain });

    // Not the last attempt, and still failed at once: no retry can fix a refused token.
    const run = await refreshIndexNow({ storeId: store.id, organizationId }, { final: false });
    expect((await storeRow(store.id)).status).toBe("needs_reauth");
    expect(run).toMatchObject({
      status: "failed",
      error: expect.stringMatching(
        /no longer accepts this store's access token \(HTTP 401\): re-authorise the store or replace its access token/,
      ),
    });

    // A second failure does not mark or audit again.
    await refreshIndexNow({ storeId: store.id, organizationId });
    const lost = (await auditRows(store.id)).filter((row) => row.action === "store.access_lost");
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ actorEmail: "Shopify", target: shop.domain, details: { status: 401 } });
  });

  it("stops the mirror with its rows still pending, and a replaced token brings the store back", async () => {
    const { shop, store } = await tokenStore();
    const products = await Promise.all(
      [1, 2, 3].map((n) => createSandboxProduct({ shopId: shop.id, title: `Lost product ${n}` })),
    );
    await upsertMappings({
      storeId: store.id,
      organizationId,
      enqueueMirror: false,
      mappings: products.map(({ product }, i) => ({
        resourceType: "product" as const,
        shopifyId: product.id,
        odooId: 700 + i,
        status: "synced" as const,
      })),
    });
    const newToken = (await rotateSandboxAccessToken({ domain: shop.domain }))!;

    expect(await mirrorMappings({ storeId: store.id, organizationId })).toMatchObject({
      written: 0,
      stopped: "access_lost",
    });
    expect((await storeRow(store.id)).status).toBe("needs_reauth");
    const pending = await db
      .select()
      .from(syncMappings)
      .where(and(eq(syncMappings.storeId, store.id), eq(syncMappings.mirrorState, "pending")));
    expect(pending).toHaveLength(products.length);

    const res = await call(replaceRoute.PUT, "PUT", "/x", {
      cookie: owner.cookie,
      params: { storeId: store.id },
      body: { accessToken: newToken },
    });
    expect(res.status).toBe(200);
    expect((await storeRow(store.id)).status).toBe("connected");
    expect(await mirrorMappings({ storeId: store.id, organizationId })).toMatchObject({ written: products.length });
  });

  it("leaves a store alone whose token was replaced while the refused call was under way", async () => {
    const { shop, store } = await tokenStore();
    const before = await storeRow(store.id);
    const newToken = (await rotateSandboxAccessToken({ domain: shop.domain }))!;
    const res = await call(replaceRoute.PUT, "PUT", "/x", {
      cookie: owner.cookie,
      params: { storeId: store.id },
      body: { accessToken: newToken },
    });
    expect(res.status).toBe(200);

    expect(await markStoreAccessLost(before, 401)).toBe(false);
    expect((await storeRow(store.id)).status).toBe("connected");
    expect((await auditRows(store.id)).map((row) => row.action)).not.toContain("store.access_lost");
  });
});
