// Transient failures between the client and the store — 5xx, 429 with Retry-After, reset
// connections, no answer — are retried until the request succeeds, or surface as typed errors once
// the retries run out. A real HTTP proxy in front of the sandbox injects them.
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedSmallStore, type SeededSmallStore } from "@/lib/sandbox/shopify/seed-small-store";
import { startSandboxServerForTests } from "@/lib/sandbox/shopify/testing/sandbox-client";
import { createShopifyClient, type CreateShopifyClientOptions } from "./create-shopify-client";
import { ShopifyThrottledError, ShopifyTransportError } from "./errors";
import { startFaultProxy, type FaultProxy } from "./testing/fault-proxy";
import { sandboxEndpoint } from "./testing/sandbox-endpoint";

const baseUrl = startSandboxServerForTests();

const SHOP_NAME = `#graphql
  query ShopName { shop { name } }`;

let proxy: FaultProxy;
let store: SeededSmallStore;
let logged: string[];
beforeEach(async () => {
  proxy = await startFaultProxy(baseUrl());
  store = await seedSmallStore({ products: 0, customers: 0, orders: 0 });
  logged = [];
});
afterEach(async () => {
  await proxy.close();
});

const client = (options: Partial<CreateShopifyClientOptions> = {}) =>
  createShopifyClient({
    shopDomain: store.shop.domain,
    accessToken: store.accessToken,
    endpoint: sandboxEndpoint(proxy.url, store.shop.domain),
    backoff: { baseMs: 20, capMs: 200 },
    logger: { warn: (details, message) => logged.push(`${message} ${JSON.stringify(details)}`) },
    ...options,
  });

describe("retries", () => {
  it("retries 5xx answers and Shopify's INTERNAL_SERVER_ERROR, then succeeds", async () => {
    const internal = JSON.stringify({
      errors: [
        {
          message: "Internal error. Looks like something went wrong on our end.",
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ],
    });
    proxy.faults.push({ status: 500 }, { status: 502 }, { status: 503 }, { status: 200, body: internal });
    const shopify = client();
    const { data } = await shopify.request<{ shop: { name: string } }>(SHOP_NAME);
    expect(data.shop.name).toBe(store.shop.name);
    expect(proxy.log.map((entry) => entry.got)).toEqual(["500", "502", "503", "200", "proxied"]);
    expect(shopify.stats().client).toMatchObject({ requests: 1, calls: 5, retries: 4, failures: 0 });
    expect(logged).toHaveLength(4);
  });

  it("waits as long as a 429's Retry-After asks before trying again", async () => {
    proxy.faults.push({ status: 429, headers: { "retry-after": "1" } });
    const shopify = client();
    await shopify.request(SHOP_NAME);
    const [refused, retried] = proxy.log;
    expect([refused!.got, retried!.got]).toEqual(["429", "proxied"]);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(990);
    expect(shopify.stats().client).toMatchObject({ calls: 2, retries: 1, throttled: 1, failures: 0 });
  });

  it("retries reset connections and attempts that get no answer in time", async () => {
    proxy.faults.push("reset", "hang", "reset");
    const shopify = client({ timeoutMs: 300 });
    const { data } = await shopify.request<{ shop: { name: string } }>(SHOP_NAME);
    expect(data.shop.name).toBe(store.shop.name);
    expect(proxy.log.map((entry) => entry.got)).toEqual(["reset", "hang", "reset", "proxied"]);
    expect(shopify.stats().client).toMatchObject({ calls: 4, retries: 3, failures: 0 });
    expect(logged.join("\n")).toMatch(/no answer within 300 ms/);
  });

  it("gives up after maxRetries with a ShopifyTransportError that keeps the last failure", async () => {
    proxy.faults.push({ status: 503 }, { status: 503 }, { status: 500 }, { status: 500 });
    const shopify = client({ maxRetries: 2 });
    const error = await shopify.request(SHOP_NAME).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShopifyTransportError);
    expect(error).toMatchObject({ attempts: 3, status: 500, shopDomain: store.shop.domain });
    expect(proxy.log).toHaveLength(3);
    expect(shopify.stats().client).toMatchObject({ requests: 1, calls: 3, failures: 1 });

    proxy.faults.length = 0;
    proxy.faults.push("reset", "reset");
    const reset = await client({ maxRetries: 1 })
      .request(SHOP_NAME)
      .catch((caught: unknown) => caught);
    expect(reset).toBeInstanceOf(ShopifyTransportError);
    expect((reset as ShopifyTransportError).cause).toBeInstanceOf(Error);
  });

  it("stops retrying when the next try would fall after the deadline", async () => {
    proxy.faults.push({ status: 429, headers: { "retry-after": "30" } });
    const shopify = client({ deadlineMs: 2_000 });
    await expect(shopify.request(SHOP_NAME)).rejects.toBeInstanceOf(ShopifyThrottledError);
    expect(proxy.log).toHaveLength(1);
  });

  it("does not retry when the caller aborts", async () => {
    proxy.faults.push("hang");
    const controller = new AbortController();
    const pending = client().request(SHOP_NAME, { signal: controller.signal });
    await expect.poll(() => proxy.log.length).toBe(1);
    controller.abort(new Error("caller went away"));
    await expect(pending).rejects.toThrow("caller went away");
    expect(proxy.log).toHaveLength(1);
  });

  it("leaves nothing on a caller's long-lived signal once its requests are answered", async () => {
    // A job passes one signal to thousands of requests: each attempt's listener must go with it.
    proxy.faults.push({ status: 503 });
    const controller = new AbortController();
    const shopify = client();
    await Promise.all(Array.from({ length: 20 }, () => shopify.request(SHOP_NAME, { signal: controller.signal })));
    expect(shopify.stats().client).toMatchObject({ requests: 20, calls: 21, failures: 0 });
    expect(getEventListeners(controller.signal, "abort")).toEqual([]);
  });
});
