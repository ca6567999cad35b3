// The client against the sandbox's leaky bucket on the Standard plan (100 points/s), over real
// HTTP: it must spend the bucket as fast as it refills without ever being throttled.
import { beforeAll, describe, expect, it } from "vitest";
import { seedSmallStore } from "@/lib/sandbox/shopify/seed-small-store";
import { sandboxClient, startSandboxServerForTests } from "@/lib/sandbox/shopify/testing/sandbox-client";
import { createShopifyClient } from "./create-shopify-client";
import { sandboxEndpoint } from "./testing/sandbox-endpoint";

const baseUrl = startSandboxServerForTests();

// One object: 1 point requested, 1 point used.
const CHEAP = `#graphql
  query ShopId { shop { id } }`;

// 4 s of refill (Shopify's own bucket holds 20 s): small enough that most of the 2,000 points
// must come from the refill, large enough that a machine busy with other tests does not make the
// bucket overflow while the client's answers are late.
const BUCKET = 400;
const RESTORE_RATE = 100;

// The sandbox builds its schema and plans on first use; that is not the client's time to measure.
beforeAll(async () => {
  const warm = await seedSmallStore({ products: 0, customers: 0, orders: 0, throttleEnabled: false });
  await Promise.all(
    Array.from({ length: 20 }, () => sandboxClient(baseUrl(), warm.shop.domain, warm.accessToken)(CHEAP)),
  );
});

async function standardShop() {
  const store = await seedSmallStore({ plan: "standard", bucketSize: BUCKET, products: 0, customers: 0, orders: 0 });
  const client = () =>
    createShopifyClient({
      shopDomain: store.shop.domain,
      accessToken: store.accessToken,
      endpoint: sandboxEndpoint(baseUrl(), store.shop.domain),
      deadlineMs: 60_000,
    });
  return { store, client };
}

describe("the cost-aware client on a Standard plan", () => {
  it(
    "runs 2,000 requests at the plan's limit without a THROTTLED reaching the caller",
    { timeout: 60_000 },
    async () => {
      const { client } = await standardShop();
      const shopify = client();
      const started = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: 2000 }, () => shopify.request<{ shop: { id: string } }>(CHEAP)),
      );
      const elapsedSeconds = (performance.now() - started) / 1000;

      expect(results.filter((result) => result.status === "rejected")).toEqual([]);
      const stats = shopify.stats();
      expect(stats.client).toMatchObject({ requests: 2000, failures: 0, pointsActual: 2000, throttled: 0 });
      // What the plan allows in that time: the full bucket at the start plus what refilled since.
      const allowance = BUCKET + RESTORE_RATE * elapsedSeconds;
      const share = stats.client.pointsActual / allowance;
      console.log(
        `2000 requests in ${elapsedSeconds.toFixed(2)} s: ${stats.client.pointsActual} points of ${allowance.toFixed(0)} allowed (${(share * 100).toFixed(1)}%)`,
        stats.client,
      );
      expect(share).toBeGreaterThanOrEqual(0.95);
      expect(share).toBeLessThanOrEqual(1.05);
    },
  );

  it("shares one budget between clients of the same store, first come first served", { timeout: 30_000 }, async () => {
    const { client } = await standardShop();
    const [a, b] = [client(), client()];
    const finished: string[] = [];
    const run = (name: string, shopify: typeof a) => shopify.request(CHEAP).then(() => finished.push(name));
    // 600 points against a 400-point bucket: a client on its own would send its 300 at once, and the
    // two together would overdraw the bucket.
    await Promise.all(Array.from({ length: 300 }, (_, i) => [run(`a${i}`, a), run(`b${i}`, b)]).flat());

    const { client: statsA, store } = a.stats();
    const statsB = b.stats().client;
    expect(statsA).toMatchObject({ requests: 300, failures: 0 });
    expect(statsB).toMatchObject({ requests: 300, failures: 0 });
    expect(store).toMatchObject({ requests: 600, calls: statsA.calls + statsB.calls, throttled: 0, pointsActual: 600 });
    expect(store.throttleStatus).toMatchObject({ maximumAvailable: BUCKET, restoreRate: RESTORE_RATE });
    // Interleaved callers are served interleaved: neither client's requests all finish first.
    const half = finished.slice(0, 300);
    expect(half.filter((name) => name.startsWith("a")).length).toBeGreaterThan(100);
    expect(half.filter((name) => name.startsWith("b")).length).toBeGreaterThan(100);
  });
});
