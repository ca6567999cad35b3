// What cannot be retried surfaces at once, as the typed error a caller acts on, and no error
// message ever carries the access token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGid } from "@/lib/sandbox/shopify/gid";
import { seedSmallStore, type SeededSmallStore } from "@/lib/sandbox/shopify/seed-small-store";
import { sandboxClient, startSandboxServerForTests } from "@/lib/sandbox/shopify/testing/sandbox-client";
import { assertNoUserErrors } from "./assert-no-user-errors";
import { createShopifyClient, type CreateShopifyClientOptions } from "./create-shopify-client";
import {
  ShopifyAuthError,
  ShopifyError,
  ShopifyGraphQLError,
  ShopifyStoreGoneError,
  ShopifyThrottledError,
  ShopifyUserErrors,
  type ShopifyUserError,
} from "./errors";
import { startFaultProxy, type FaultProxy } from "./testing/fault-proxy";
import { sandboxEndpoint } from "./testing/sandbox-endpoint";

const baseUrl = startSandboxServerForTests();

const SHOP_NAME = `#graphql
  query ShopName { shop { name } }`;
const FIFTY_PRODUCTS = `#graphql
  query FiftyProducts { products(first: 50) { nodes { id } } }`;
const HUNDRED_PRODUCTS = `#graphql
  query HundredProducts { products(first: 100) { nodes { id } } }`;
const SET_METAFIELDS = `#graphql
  mutation SetMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) { metafields { id } userErrors { field message code } }
  }`;
const DELETE_METAFIELDS = `#graphql
  mutation DeleteMetafields($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) { deletedMetafields { key } userErrors { field message } }
  }`;

let store: SeededSmallStore;
let proxy: FaultProxy;
const seen: unknown[] = [];
beforeAll(async () => {
  store = await seedSmallStore({ products: 1, variantsPerProduct: 1, customers: 0, orders: 0 });
  proxy = await startFaultProxy(baseUrl());
});
afterAll(async () => {
  await proxy.close();
});

const client = (options: Partial<CreateShopifyClientOptions> = {}) =>
  createShopifyClient({
    shopDomain: store.shop.domain,
    accessToken: store.accessToken,
    endpoint: sandboxEndpoint(baseUrl(), store.shop.domain),
    backoff: { baseMs: 20, capMs: 200 },
    ...options,
  });

async function failure(promise: Promise<unknown>): Promise<ShopifyError> {
  const error = await promise.then(
    () => expect.unreachable("the request should have failed"),
    (caught: unknown) => caught,
  );
  seen.push(error);
  expect(error).toBeInstanceOf(ShopifyError);
  return error as ShopifyError;
}

describe("errors that are not retried", () => {
  it("a revoked or wrong token is a ShopifyAuthError", async () => {
    const badToken = "shpat_00000000000000000000000000000000";
    const shopify = client({ accessToken: badToken });
    const error = await failure(shopify.request(SHOP_NAME));
    expect(error).toBeInstanceOf(ShopifyAuthError);
    expect(error).toMatchObject({ status: 401, shopDomain: store.shop.domain });
    expect(`${error.message} ${String(error.stack)}`).not.toContain(badToken);
    expect(shopify.stats().client).toMatchObject({ calls: 1, retries: 0, failures: 1 });
  });

  it("an unknown shop is a ShopifyStoreGoneError", async () => {
    const gone = "no-such-shop.myshopify.com";
    const error = await failure(
      client({ shopDomain: gone, endpoint: sandboxEndpoint(baseUrl(), gone) }).request(SHOP_NAME),
    );
    expect(error).toBeInstanceOf(ShopifyStoreGoneError);
    expect(error).toMatchObject({ status: 404, shopDomain: gone });
  });

  it("402 (frozen), 423 (locked) and 403 map to their errors without retries", async () => {
    proxy.faults.push({ status: 402 }, { status: 423 }, { status: 403 });
    const viaProxy = client({ endpoint: sandboxEndpoint(proxy.url, store.shop.domain) });
    expect(await failure(viaProxy.request(SHOP_NAME))).toMatchObject({ name: "ShopifyStoreGoneError", status: 402 });
    expect(await failure(viaProxy.request(SHOP_NAME))).toMatchObject({ name: "ShopifyStoreGoneError", status: 423 });
    expect(await failure(viaProxy.request(SHOP_NAME))).toMatchObject({ name: "ShopifyAuthError", status: 403 });
    expect(proxy.log).toHaveLength(3);
  });

  it("a query Shopify rejects is a ShopifyGraphQLError with Shopify's messages", async () => {
    const shopify = client();
    // Deliberately invalid, so not marked #graphql (the contract test would refuse it).
    const typo = await failure(shopify.request(`query Typo { shop { nameTypo } }`));
    expect(typo).toBeInstanceOf(ShopifyGraphQLError);
    expect((typo as ShopifyGraphQLError).errors[0]!.message).toBe("Field 'nameTypo' doesn't exist on type 'Shop'");
    expect(typo.message).toContain("Field 'nameTypo' doesn't exist on type 'Shop'");

    const tooDear = await failure(
      shopify.request(`#graphql
      query TooDear { products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }`),
    );
    expect((tooDear as ShopifyGraphQLError).errors[0]!.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED" });
    expect(shopify.stats().client).toMatchObject({ calls: 2, retries: 0, failures: 2 });
  });

  it("metafieldsSet userErrors become ShopifyUserErrors through assertNoUserErrors", async () => {
    const ownerId = toGid("Product", store.products[0]!.product.id);
    const { data } = await client().request(SET_METAFIELDS, {
      variables: {
        metafields: [
          { ownerId, namespace: "synco", key: "odoo_id", type: "number_integer", value: "many" },
          { ownerId, namespace: "ab", key: "status", type: "single_line_text_field", value: "synced" },
        ],
      },
    });
    const error = await failure(
      Promise.resolve().then(() => assertNoUserErrors(data, "metafieldsSet", { shopDomain: store.shop.domain })),
    );
    expect(error).toBeInstanceOf(ShopifyUserErrors);
    expect((error as ShopifyUserErrors).userErrors.map((userError: ShopifyUserError) => userError.code)).toEqual([
      "INVALID_VALUE",
      "TOO_SHORT",
    ]);
    expect(error.message).toMatch(
      /^metafieldsSet on .* returned user errors: metafields\.0\.value: Value must be an integer\. \[INVALID_VALUE\]/,
    );

    const fine = await client().request(SET_METAFIELDS, {
      variables: { metafields: [{ ownerId, namespace: "synco", key: "odoo_id", type: "number_integer", value: "42" }] },
    });
    expect(
      assertNoUserErrors<{ metafields: { id: string }[]; userErrors: ShopifyUserError[] }>(fine.data, "metafieldsSet")
        .metafields,
    ).toHaveLength(1);
  });
});

describe("throttling that outlasts the caller", () => {
  it("is a ShopifyThrottledError once the deadline comes", async () => {
    // Standard plan, 100-point bucket, and another app instance (outside this process's budget)
    // spending every 10 points as soon as they refill: a 52-point query never fits.
    const drained = await seedSmallStore({ plan: "standard", bucketSize: 100, products: 0, customers: 0, orders: 0 });
    const other = sandboxClient(baseUrl(), drained.shop.domain, drained.accessToken);
    const ownerId = toGid("Shop", drained.shop.id);
    const spend = () => other(DELETE_METAFIELDS, { metafields: [{ ownerId, namespace: "synco", key: "none" }] });
    await Promise.all(Array.from({ length: 10 }, spend));
    let draining = true;
    const drainer = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (draining) await spend();
      }),
    );
    const shopify = client({
      shopDomain: drained.shop.domain,
      accessToken: drained.accessToken,
      endpoint: sandboxEndpoint(baseUrl(), drained.shop.domain),
      deadlineMs: 1_500,
    });

    const error = await failure(shopify.request(FIFTY_PRODUCTS)).finally(() => (draining = false));
    await drainer;
    expect(error).toBeInstanceOf(ShopifyThrottledError);
    expect(error.message).toMatch(/throttled at the deadline/);
    const { client: stats, store } = shopify.stats();
    // Nothing ran; every answer was THROTTLED. Only the last attempt may have had no answer: one
    // still in flight when the deadline comes is cut short (and the error still says THROTTLED).
    expect(stats).toMatchObject({ failures: 1, pointsActual: 0 });
    expect(stats.throttled).toBeGreaterThanOrEqual(1);
    expect(stats.throttled).toBeGreaterThanOrEqual(stats.calls - 1);
    expect(store.throttleStatus).toMatchObject({ maximumAvailable: 100, restoreRate: 100 });
  });

  it("is a ShopifyThrottledError at once when a query costs more than the bucket can ever hold", async () => {
    const small = await seedSmallStore({ plan: "standard", bucketSize: 100, products: 0, customers: 0, orders: 0 });
    const shopify = client({
      shopDomain: small.shop.domain,
      accessToken: small.accessToken,
      endpoint: sandboxEndpoint(baseUrl(), small.shop.domain),
    });
    const error = await failure(shopify.request(HUNDRED_PRODUCTS));
    expect(error).toBeInstanceOf(ShopifyThrottledError);
    expect(error.message).toMatch(/costs more than the bucket holds/);
    expect(shopify.stats().client).toMatchObject({ calls: 1, failures: 1 });
  });
});

describe("secrets", () => {
  it("no error raised in this file carries an access token", () => {
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (const error of seen) {
      const text = [
        String(error),
        (error as Error).stack,
        JSON.stringify(error),
        String((error as Error).cause ?? ""),
      ].join("\n");
      expect(text).not.toMatch(/shpat_/);
    }
  });
});
