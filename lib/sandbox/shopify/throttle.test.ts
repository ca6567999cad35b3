import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxBucketStore } from "./cost/bucket-store";
import { createMemoryBucketStore } from "./cost/memory-bucket-store";
import { setSandboxFaults } from "./faults/set-sandbox-faults";
import { seedSmallStore, type SeededSmallStore } from "./seed-small-store";
import { serveSandboxShopify, type RunningSandboxServer } from "./serve-sandbox-shopify";
import { sandboxClient, type GraphqlResult, type SandboxClient } from "./testing/sandbox-client";

const TWENTY_PRODUCTS = `#graphql
  query Twenty { products(first: 20) { nodes { id } } }`;
const CHEAP = `#graphql
  query Cheap { shop { id } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The same behaviour from both bucket stores: PostgreSQL with two servers on one database standing
// for two app instances (the bucket must be shared), and the standalone server's memory store.
describe.each([
  {
    where: "in PostgreSQL, shared by two servers on one database",
    servers: 2,
    buckets: (): SandboxBucketStore | undefined => undefined,
  },
  { where: "in memory, one server", servers: 1, buckets: createMemoryBucketStore },
])("the leaky bucket $where", ({ servers: count, buckets }) => {
  let servers: RunningSandboxServer[] = [];
  beforeAll(async () => {
    const store = buckets();
    servers = await Promise.all(Array.from({ length: count }, () => serveSandboxShopify({ buckets: store })));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  let store: SeededSmallStore;
  let clients: SandboxClient[];
  beforeAll(async () => {
    // Standard plan (100 points/s) with a 200-point bucket; 20 products so a page costs what it asks: 22.
    store = await seedSmallStore({
      plan: "standard",
      bucketSize: 200,
      products: 20,
      variantsPerProduct: 1,
      customers: 0,
      orders: 0,
    });
    clients = servers.map((server) => sandboxClient(server.url, store.shop.domain, store.accessToken));
  });
  const client = (i: number) => clients[i % clients.length]!;

  it("throttles a burst above the bucket and refills at the plan's rate", async () => {
    const started = Date.now();
    const burst: GraphqlResult[] = await Promise.all(Array.from({ length: 16 }, (_, i) => client(i)(TWENTY_PRODUCTS)));
    const elapsed = (Date.now() - started) / 1000;
    const granted = burst.filter((result) => result.body.data);
    const throttled = burst.filter((result) => !result.body.data);
    expect(throttled.length).toBeGreaterThan(0);
    // Never more than the bucket plus what leaked back in during the burst.
    expect(granted.length * 22).toBeLessThanOrEqual(200 + elapsed * 100 + 22);
    for (const result of throttled) {
      expect(result.status).toBe(200);
      expect(result.body.errors).toEqual([
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ]);
      expect(result.body.extensions!.cost).toMatchObject({
        requestedQueryCost: 22,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 200, restoreRate: 100 },
      });
      expect(result.body.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(22);
    }

    // Refill: what the bucket reports later matches the reported restoreRate × the time that passed
    // between the two requests, which the server saw somewhere inside what the client measures.
    const sentBefore = Date.now();
    const before = await client(0)(CHEAP);
    const answeredBefore = Date.now();
    const { currentlyAvailable: level0, restoreRate, maximumAvailable } = before.body.extensions!.cost.throttleStatus;
    await sleep(500);
    const sentAfter = Date.now();
    const after = await client(1)(CHEAP);
    const answeredAfter = Date.now();
    const levelAfter = (seconds: number) => Math.min(maximumAvailable, level0 + seconds * restoreRate) - 1;
    const level1 = after.body.extensions!.cost.throttleStatus.currentlyAvailable;
    expect(level1).toBeGreaterThanOrEqual(levelAfter((sentAfter - answeredBefore) / 1000) - 1);
    expect(level1).toBeLessThanOrEqual(levelAfter((answeredAfter - sentBefore) / 1000) + 1);

    // Given time to refill completely, it stops at maximumAvailable.
    await sleep(((maximumAvailable - level1) / restoreRate) * 1000 + 150);
    const full = await client(0)(CHEAP);
    expect(full.body.extensions!.cost.throttleStatus.currentlyAvailable).toBe(maximumAvailable - 1);
  });

  it("refunds what a query did not use", async () => {
    const small = await seedSmallStore({
      plan: "advanced",
      products: 2,
      variantsPerProduct: 1,
      customers: 0,
      orders: 0,
    });
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

  it("is empty when a throttle storm ends and refills from there", async () => {
    const stormy = await seedSmallStore({ plan: "standard", bucketSize: 200, products: 0, customers: 0, orders: 0 });
    const gql = sandboxClient(servers[0]!.url, stormy.shop.domain, stormy.accessToken);
    expect((await gql(CHEAP)).body.extensions!.cost.throttleStatus.currentlyAvailable).toBe(199);
    // The storm ends 300 ms after the sandbox sets it, so no earlier than 300 ms from now.
    const stormEnded = Date.now() + 300;
    await setSandboxFaults({ shopId: stormy.shop.id, faults: { throttleStormSeconds: 0.3 } });
    await expect.poll(async () => (await gql(CHEAP)).body.data ?? null, { timeout: 5000, interval: 50 }).not.toBeNull();
    const after = await gql(CHEAP);
    const sinceStorm = (Date.now() - stormEnded) / 1000;
    // Empty at the storm's end, then 100 points/s; two cheap queries since (generous for latency).
    expect(after.body.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(sinceStorm * 100 + 5);
    expect(after.body.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(199);
  });

  it("can be switched off per shop, for benchmarks", async () => {
    const free = await seedSmallStore({
      bucketSize: 30,
      throttleEnabled: false,
      products: 20,
      variantsPerProduct: 1,
      customers: 0,
      orders: 0,
    });
    const gql = sandboxClient(servers[0]!.url, free.shop.domain, free.accessToken);
    const burst = await Promise.all(Array.from({ length: 10 }, () => gql(TWENTY_PRODUCTS)));
    expect(burst.every((result) => result.body.data)).toBe(true);
    expect(burst[0]!.body.extensions!.cost.throttleStatus).toEqual({
      maximumAvailable: 30,
      currentlyAvailable: 30,
      restoreRate: 100,
    });
  });
});
