// The client against the sandbox's own fault injection (per-shop faults, seeded so every run fails
// the same requests): a mix of 5xx, 429 with Retry-After and reset connections, and a throttle
// storm that empties the bucket and refuses everything for a while.
import { describe, expect, it } from "vitest";
import { setSandboxFaults } from "@/lib/sandbox/shopify/faults/set-sandbox-faults";
import { seedSmallStore } from "@/lib/sandbox/shopify/seed-small-store";
import { startSandboxServerForTests } from "@/lib/sandbox/shopify/testing/sandbox-client";
import { createShopifyClient } from "./create-shopify-client";
import { ShopifyThrottledError } from "./errors";
import { sandboxEndpoint } from "./testing/sandbox-endpoint";

const baseUrl = startSandboxServerForTests();

const SHOP_NAME = `#graphql
  query ShopName { shop { name } }`;

async function faultyShop(
  faults: Parameters<typeof setSandboxFaults>[0]["faults"],
  options: { deadlineMs?: number } = {},
) {
  const store = await seedSmallStore({ plan: "standard", products: 0, customers: 0, orders: 0 });
  await setSandboxFaults({ shopId: store.shop.id, faults });
  const client = createShopifyClient({
    shopDomain: store.shop.domain,
    accessToken: store.accessToken,
    endpoint: sandboxEndpoint(baseUrl(), store.shop.domain),
    backoff: { baseMs: 20, capMs: 200 },
    maxRetries: 10,
    logger: { warn: () => {} },
    ...options,
  });
  return { store, client };
}

describe("the sandbox's fault injection", () => {
  it("every request gets through a mix of 5xx, 429 and reset connections", { timeout: 30_000 }, async () => {
    const { store, client } = await faultyShop({
      seed: 7,
      serverErrorRate: 0.15,
      tooManyRequestsRate: 0.05,
      retryAfterSeconds: 0.2,
      resetRate: 0.1,
    });
    const results = await Promise.all(
      Array.from({ length: 60 }, () => client.request<{ shop: { name: string } }>(SHOP_NAME)),
    );
    expect(results.every(({ data }) => data.shop.name === store.shop.name)).toBe(true);
    const { client: stats } = client.stats();
    expect(stats).toMatchObject({ requests: 60, failures: 0 });
    // About 30% of the calls failed and were tried again.
    expect(stats.retries).toBeGreaterThan(5);
    expect(stats.calls).toBe(60 + stats.retries);
  });

  it("rides out a throttle storm and succeeds once it is over", { timeout: 30_000 }, async () => {
    const { client } = await faultyShop({ throttleStormSeconds: 1 });
    const results = await Promise.all(Array.from({ length: 10 }, () => client.request(SHOP_NAME)));
    expect(results).toHaveLength(10);
    expect(client.stats().client).toMatchObject({ requests: 10, failures: 0 });
    expect(client.stats().client.throttled).toBeGreaterThan(0);
  });

  it("is a ShopifyThrottledError when the storm outlasts the deadline", async () => {
    const { client } = await faultyShop({ throttleStormSeconds: 30 }, { deadlineMs: 3_000 });
    await expect(client.request(SHOP_NAME)).rejects.toBeInstanceOf(ShopifyThrottledError);
    expect(client.stats().client.throttled).toBeGreaterThan(0);
  });
});
