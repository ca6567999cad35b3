import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSmallStore, type SeededSmallStore } from "./seed-small-store";
import { serveSandboxShopify, type RunningSandboxServer } from "./serve-sandbox-shopify";
import { sandboxClient, type GraphqlResult, type SandboxClient } from "./testing/sandbox-client";

// Two servers on one database stand for two app instances: the bucket must be shared.
let servers: RunningSandboxServer[] = [];
beforeAll(async () => {
  servers = await Promise.all([serveSandboxShopify(), serveSandboxShopify()]);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

const TWENTY_PRODUCTS = `#graphql
  query Twenty { products(first: 20) { nodes { id } } }`;
const CHEAP = `#graphql
  query Cheap { shop { id } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the leaky bucket", () => {
  let store: SeededSmallStore;
  let clients: SandboxClient[];
  beforeAll(async () => {
    // Standard plan (100 points/s) with a 200-point bucket; 20 products so a page costs what it asks: 22.
    store = await seedSmallStore({ plan: "standard", bucketSize: 200, products: 20, variantsPerProduct: 1, customers: 0, orders: 0 });
    clients = servers.map((server) => sandboxClient(server.url, store.shop.domain, store.accessToken));
  });

  it("throttles a burst above the bucket, across app instances, and refills at the plan's rate", async () => {
    const started = Date.now();
    const burst: GraphqlResult[] = await Promise.all(Array.from({ length: 16 }, (_, i) => clients[i % 2]!(TWENTY_PRODUCTS)));
    const elapsed = (Date.now() - started) / 1000;
    const granted = burst.filter((result) => result.body.data);
    const throttled = burst.filter((result) => !result.body.data);
    expect(throttled.length).toBeGreaterThan(0);
    // Never more than the bucket plus what leaked back in during the burst.
    expect(granted.length * 22).toBeLessThanOrEqual(200 + elapsed * 100 + 22);
    for (const result of throttled) {
      expect(result.status).toBe(200);
      expect(result.body.errors).toEqual([
        { message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } },
      ]);
      expect(result.body.extensions!.cost).toMatchObject({
        requestedQueryCost: 22,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 200, restoreRate: 100 },
      });
      expect(result.body.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(22);
    }

    // Refill: what the bucket reports later matches restoreRate × the time that passed.
    const before = await clients[0]!(CHEAP);
    const t0 = Date.now();
    const level0 = before.body.extensions!.cost.throttleStatus.currentlyAvailable;
    await sleep(500);
    const after = await clients[1]!(CHEAP);
    const waited = (Date.now() - t0) / 1000;
    const expected = Math.min(200, level0 + waited * 100) - 1;
    // Generous: client-side timing includes request latency (25 points = 250 ms).
    expect(Math.abs(after.body.extensions!.cost.throttleStatus.currentlyAvailable - expected)).toBeLessThanOrEqual(25);

    // Given time to refill completely, it stops at maximumAvailable.
    await sleep(((200 - after.body.extensions!.cost.throttleStatus.currentlyAvailable) / 100) * 1000 + 150);
    const full = await clients[0]!(CHEAP);
    expect(full.body.extensions!.cost.throttleStatus.currentlyAvailable).toBe(199);
  });

  it("refunds what a query did not use", async () => {
    const small = await seedSmallStore({ plan: "advanced", products: 2, variantsPerProduct: 1, customers: 0, orders: 0 });
    const gql = sandboxClient(servers[0]!.url, small.shop.domain, small.accessToken);
    const { body } = await gql(`#graphql
      query { products(first: 100) { nodes { id } } }`);
    // Advanced: 200 points/s, bucket 4000; asked 102, used 4, so 4000 - 4 is left, plus what leaked back meanwhile.
    expect(body.extensions!.cost).toMatchObject({
      requestedQueryCost: 102,
      actualQueryCost: 4,
      throttleStatus: { maximumAvailable: 4000, restoreRate: 200 },
    });
    expect(body.extensions!.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(3996);
    expect(body.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(4000);
  });

  it("can be switched off per shop, for benchmarks", async () => {
    const free = await seedSmallStore({ bucketSize: 30, throttleEnabled: false, products: 20, variantsPerProduct: 1, customers: 0, orders: 0 });
    const gql = sandboxClient(servers[0]!.url, free.shop.domain, free.accessToken);
    const burst = await Promise.all(Array.from({ length: 10 }, () => gql(TWENTY_PRODUCTS)));
    expect(burst.every((result) => result.body.data)).toBe(true);
    expect(burst[0]!.body.extensions!.cost.throttleStatus).toEqual({ maximumAvailable: 30, currentlyAvailable: 30, restoreRate: 100 });
  });
});
