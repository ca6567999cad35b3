// Clears across worker processes: a worker killed outright (SIGKILL) in the middle of a clear
// leaves a run another worker resumes from its checkpoint, counting each item once; two
// `npm run worker` processes with clears of three stores run each clear exactly once.
import "@/lib/operations/testing/quick-recovery-env";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { operationEvents, operationRuns } from "@/db/schema/operations";
import { setSandboxFaults } from "@/lib/sandbox/shopify/faults/set-sandbox-faults";
import { setSandboxShopLimits } from "@/lib/sandbox/shopify/set-sandbox-shop-limits";
import { eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { startWorkerProcess } from "@/lib/testing/child-processes";
import { stopAfterAll } from "@/lib/testing/track-processes";
import { mappedShop, mappingsOf, metafieldsOf, startClear } from "./testing/clear-fixtures";

serveTestAppForFile();
let owner: TestUser;
const track = stopAfterAll();

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const runRow = async (runId: string) => (await db.select().from(operationRuns).where(eq(operationRuns.id, runId)))[0]!;

describe("a worker killed in the middle of a clear", () => {
  it("leaves a run another worker resumes and finishes, each item counted once", async () => {
    const shop = await mappedShop(owner, { products: 0, customers: 3_000, orders: 0 });
    // Calls of 25, each slower: the clear takes long enough to be cut in the middle.
    await setSandboxShopLimits({ shopId: shop.shopId, metafieldsDeleteLimit: 25 });
    await setSandboxFaults({ shopId: shop.shopId, faults: { latencyMs: 30 } });
    const first = await track(startWorkerProcess());
    const res = await startClear(owner, shop);
    expect(res.status).toBe(202);
    const runId = res.body.run.id as string;
    await eventually(async () => {
      const row = await runRow(runId);
      return row.status === "running" && (row.counters.metafields?.done ?? 0) >= 500;
    }, 60_000);
    first.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    const atKill = (await runRow(runId)).counters.metafields!.done;
    expect(atKill).toBeLessThan(3_000);

    await track(startWorkerProcess());
    const finished = await eventually(async () => {
      const row = await runRow(runId);
      return row.status !== "running" && row.status !== "queued" && row;
    }, 120_000);
    expect(finished).toMatchObject({ status: "succeeded", attempt: 2, error: null });
    expect(finished.counters).toEqual({
      product: { planned: 0, done: 0, failed: 0 },
      order: { planned: 0, done: 0, failed: 0 },
      customer: { planned: 3_000, done: 3_000, failed: 0 },
      metafields: { planned: 3_000, done: 3_000, failed: 0 },
    });
    expect(await mappingsOf(shop.store.id)).toEqual({ product: 0, customer: 0, order: 0 });
    expect(await metafieldsOf(shop.shopId, ["synco.sync"])).toEqual({ product: 0, customer: 0, order: 0 });
    const attempts = (
      await db.select().from(operationEvents).where(eq(operationEvents.runId, runId)).orderBy(asc(operationEvents.seq))
    ).filter((event) => event.type === "status" && event.data.status === "running");
    expect(attempts.map((event) => event.data.attempt)).toEqual([1, 2]);
  }, 240_000);
});

describe("two worker processes", () => {
  it("run clears of three stores, each exactly once, all to the end", async () => {
    const shops = await Promise.all(
      [1, 2, 3].map(() => mappedShop(owner, { products: 30, customers: 40, orders: 50 })),
    );
    await Promise.all([track(startWorkerProcess()), track(startWorkerProcess())]);
    const runIds = await Promise.all(
      shops.map(async (shop) => {
        const res = await startClear(owner, shop);
        expect(res.status).toBe(202);
        return res.body.run.id as string;
      }),
    );
    const finished = await eventually(async () => {
      const rows = await Promise.all(runIds.map(runRow));
      return rows.every((row) => row.status === "succeeded" || row.status === "failed") && rows;
    }, 120_000);
    for (const [index, run] of finished.entries()) {
      expect(run).toMatchObject({ status: "succeeded", attempt: 1, resumes: 0 });
      expect(await mappingsOf(shops[index]!.store.id)).toEqual({ product: 0, customer: 0, order: 0 });
      expect(await metafieldsOf(shops[index]!.shopId, ["synco.sync"])).toEqual({ product: 0, customer: 0, order: 0 });
      const running = (await db.select().from(operationEvents).where(eq(operationEvents.runId, run.id))).filter(
        (event) => event.type === "status" && event.data.status === "running",
      );
      expect(running).toHaveLength(1);
    }
  }, 240_000);
});
