import { describe, expect, it } from "vitest";
import { seedSmallStore } from "./seed-small-store";
import { sandboxClient, startSandboxServerForTests } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();

const SHOP = `#graphql
  query Shop { shop { name } }`;

async function setup(plan: { throttleEnabled?: boolean } = {}) {
  const store = await seedSmallStore({
    products: 0,
    customers: 0,
    orders: 0,
    throttleEnabled: plan.throttleEnabled ?? false,
  });
  const graphqlUrl = `${baseUrl()}/api/sandbox/shopify/${store.shop.domain}/admin/api/2026-01/graphql.json`;
  const faultsUrl = `${baseUrl()}/api/sandbox/shopify/${store.shop.domain}/sandbox/faults`;
  const headers = { "content-type": "application/json", "x-shopify-access-token": store.accessToken };
  const setFaults = async (faults: unknown) => {
    const response = await fetch(faultsUrl, { method: "POST", headers, body: JSON.stringify(faults) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const ask = () => fetch(graphqlUrl, { method: "POST", headers, body: JSON.stringify({ query: SHOP }) });
  return {
    store,
    setFaults,
    ask,
    faultsUrl,
    headers,
    gql: sandboxClient(baseUrl(), store.shop.domain, store.accessToken),
  };
}

describe("faults on demand", () => {
  it("answers a seeded share of 5xx and 429 (with Retry-After), the same requests each time for the same seed", async () => {
    const { setFaults, ask } = await setup();
    const run = async () => {
      expect(
        (await setFaults({ seed: 7, serverErrorRate: 0.3, tooManyRequestsRate: 0.2, retryAfterSeconds: 3 })).status,
      ).toBe(200);
      const answers = [];
      for (let i = 0; i < 40; i++) {
        const response = await ask();
        answers.push({
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          body: await response.json(),
        });
      }
      return answers;
    };
    const first = await run();
    const statuses = first.map((answer) => answer.status);
    expect(statuses.filter((status) => status >= 500).length).toBeGreaterThan(3);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(2);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(10);
    const throttled = first.find((answer) => answer.status === 429)!;
    expect(throttled.retryAfter).toBe("3.0");
    expect(throttled.body).toEqual({ errors: expect.stringContaining("Reduce request rates") });
    expect(first.find((answer) => answer.status >= 500)!.body).toEqual({ errors: expect.any(String) });
    expect((await run()).map((answer) => answer.status)).toEqual(statuses);
  });

  it("resets the connection", async () => {
    const { setFaults, ask } = await setup();
    await setFaults({ resetRate: 1 });
    const failure = await ask().then(
      () => null,
      (error: unknown) => error as Error & { cause?: { code?: string; message?: string } },
    );
    expect(failure).not.toBeNull();
    expect(`${failure!.cause?.code ?? ""} ${failure!.cause?.message ?? ""}`).toMatch(/ECONNRESET|socket|closed/i);
  });

  it("adds latency", async () => {
    const { setFaults, ask } = await setup();
    await setFaults({ latencyMs: 300 });
    const started = performance.now();
    expect((await ask()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("throttles every request during a storm, then lets the bucket refill from empty", async () => {
    const { setFaults, gql } = await setup({ throttleEnabled: true });
    await setFaults({ throttleStormSeconds: 1 });
    const during = await gql(SHOP);
    expect(during.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "THROTTLED" }) }),
    ]);
    expect(during.body.extensions!.cost.throttleStatus.currentlyAvailable).toBe(0);
    await expect.poll(async () => (await gql(SHOP)).body.data ?? null, { timeout: 5000, interval: 200 }).not.toBeNull();
    const after = await gql(SHOP);
    expect(after.body.data).toEqual({ shop: { name: expect.any(String) } });
    expect(after.body.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(
      after.body.extensions!.cost.throttleStatus.maximumAvailable,
    );
  });

  it("is set through an admin API that wants the shop's token and valid settings", async () => {
    const { setFaults, faultsUrl, headers } = await setup();
    expect((await fetch(faultsUrl, { method: "POST", body: "{}" })).status).toBe(401);
    const invalid = await setFaults({ serverErrorRate: 2 });
    expect(invalid.status).toBe(422);
    const set = await setFaults({ latencyMs: 5, webhooks: { duplicateRate: 0 } });
    expect(set.body.faults).toMatchObject({ latencyMs: 5, webhooks: { duplicateRate: 0 }, throttleStormUntil: null });
    expect(await (await fetch(faultsUrl, { headers })).json()).toEqual(set.body);
    expect(await (await fetch(faultsUrl, { method: "DELETE", headers })).json()).toEqual({ faults: null });
  });
});
