// The app split over several processes on one database: a run started through one app server
// streams to a client of another (the event crosses by NOTIFY), and a worker killed outright
// (SIGKILL) in the middle of a run leaves a run that another worker picks up and finishes, each
// item counted once.
import "./testing/quick-recovery-env";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { operationEvents, operationRuns } from "@/db/schema/operations";
import { getBoss } from "@/lib/jobs/boss";
import { setSandboxFaults } from "@/lib/sandbox/shopify/faults/set-sandbox-faults";
import { addSandboxStoreAs, eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { connectSeededShop, indexItems, sandboxItems } from "@/lib/sync/testing/sync-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { startAppProcess, startWorkerProcess } from "@/lib/testing/child-processes";
import { stopAfterAll } from "@/lib/testing/track-processes";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";
import { guardRuns } from "./guard-runs";
import { startRun } from "./start-run";
import { SseReader } from "./testing/sse-client";

serveTestAppForFile();
let owner: TestUser;
const track = stopAfterAll();

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const runsOf = (storeId: string) =>
  db.select().from(operationRuns).where(eq(operationRuns.storeId, storeId)).orderBy(asc(operationRuns.createdAt));

async function stream(url: string, user: TestUser) {
  const response = await fetch(url, { headers: { cookie: user.cookie, accept: "text/event-stream" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  return new SseReader(response);
}

describe("two app servers on one database", () => {
  it("a run started through one streams live to a client of the other", async () => {
    const [withWorkers, webOnly] = await Promise.all([
      track(startAppProcess({ workers: true })),
      track(startAppProcess({ workers: false })),
    ]);
    const store = await addSandboxStoreAs(owner, "small");
    // Adding the store queued its first refresh: the server with workers runs it.
    await eventually(async () => (await runsOf(store.id)).every((run) => run.status === "succeeded"), 60_000);

    const storeStream = await stream(`${webOnly.url}/api/stores/${store.id}/operations/events`, owner);
    expect(await storeStream.next()).toMatchObject({ event: "snapshot", data: { runs: [] } });
    const res = await fetch(`${withWorkers.url}/api/stores/${store.id}/sync/refresh`, {
      method: "POST",
      headers: { cookie: owner.cookie },
    });
    expect(res.status).toBe(202);
    const { runId, alreadyQueued } = (await res.json()) as { runId: string; alreadyQueued: boolean };
    expect(alreadyQueued).toBe(false);
    const seen = await storeStream.until((message) => message.event === "run" && message.data.run.id === runId);
    expect(seen.data.run).toMatchObject({ kind: "index_refresh", trigger: "user", actor: { email: owner.email } });

    const runStream = await stream(`${webOnly.url}/api/stores/${store.id}/operations/${runId}/events`, owner);
    const snapshot = await runStream.next();
    expect(snapshot).toMatchObject({ event: "snapshot", data: { run: { id: runId } } });
    const finished = await runStream.until((message) => message.event === "finished", 60_000);
    expect(finished.data.data).toMatchObject({ status: "succeeded" });
    await runStream.waitForEnd();
    // Every event after the snapshot, in order, none missing.
    const ids = runStream.messages.map((message) => Number(message.id));
    expect(ids).toEqual(ids.map((_, i) => ids[0]! + i));
    const [row] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
    expect(row!.lastSeq).toBe(ids.at(-1));
    await storeStream.response.body?.cancel().catch(() => {});
    await Promise.all([withWorkers.stop(), webOnly.stop()]);
  }, 120_000);
});

describe("a worker killed in the middle of a run", () => {
  it("leaves a run another worker picks up and finishes, each item counted once", async () => {
    const shop = await connectSeededShop(owner, { products: 300, customers: 1_500, orders: 3_000 });
    const target = { storeId: shop.store.id, organizationId: shop.store.organizationId };
    // Connecting queued a refresh (its job removed by the helper): this test starts its own.
    await db.delete(operationRuns).where(eq(operationRuns.storeId, shop.store.id));
    // Every Shopify call is slower, so the refresh takes long enough to be cut in the middle.
    await setSandboxFaults({ shopId: shop.shopId, faults: { latencyMs: 150 } });

    const first = await track(startWorkerProcess());
    const { run } = await startRun({ kind: "index_refresh", ...target, trigger: "user" });
    // Products and customers read and checkpointed, orders under way: kill.
    await eventually(async () => {
      const [row] = await db.select().from(operationRuns).where(eq(operationRuns.id, run.id));
      return row!.status === "running" && /^(export|import):order$/.test(row!.phase ?? "") && row;
    }, 60_000);
    first.kill("SIGKILL");
    expect(await first.exited).toBeNull();

    await track(startWorkerProcess());
    const finished = await eventually(async () => {
      const [row] = await db.select().from(operationRuns).where(eq(operationRuns.id, run.id));
      return row!.status !== "running" && row!.status !== "queued" && row;
    }, 90_000);
    expect(finished).toMatchObject({ status: "succeeded", attempt: 2, resumes: 0, error: null });
    for (const type of RESOURCE_TYPES) {
      const items = (await sandboxItems(shop.shopId, type)).length;
      expect(finished.counters[type]).toEqual({ planned: items, done: items, failed: 0 });
      expect(await indexItems(shop.store.id, type)).toEqual(await sandboxItems(shop.shopId, type));
    }
    // The second attempt skipped what the checkpoint said was read, and read orders again.
    const events = await db
      .select()
      .from(operationEvents)
      .where(and(eq(operationEvents.runId, run.id)))
      .orderBy(asc(operationEvents.seq));
    const phases = events.filter((event) => event.type === "phase").map((event) => event.data.phase);
    expect(phases.filter((phase) => phase === "export:product")).toHaveLength(1);
    expect(phases.filter((phase) => phase === "export:order")).toHaveLength(2);
    const attempts = events.filter((event) => event.type === "status" && event.data.status === "running");
    expect(attempts.map((event) => event.data.attempt)).toEqual([1, 2]);
  }, 180_000);

  it("whose job is gone too: the guard queues the refresh again and a worker finishes it", async () => {
    const shop = await connectSeededShop(owner, { products: 200, customers: 1_000, orders: 2_000 });
    const target = { storeId: shop.store.id, organizationId: shop.store.organizationId };
    await db.delete(operationRuns).where(eq(operationRuns.storeId, shop.store.id));
    await setSandboxFaults({ shopId: shop.shopId, faults: { latencyMs: 150 } });

    const first = await track(startWorkerProcess());
    const { run } = await startRun({ kind: "index_refresh", ...target, trigger: "user" });
    await eventually(async () => {
      const [row] = await db.select().from(operationRuns).where(eq(operationRuns.id, run.id));
      return row!.status === "running" && /^(export|import):customer$/.test(row!.phase ?? "") && row;
    }, 60_000);
    first.kill("SIGKILL");
    await first.exited;
    // Its job expired meanwhile (or was removed): pg-boss has nothing left to retry. Only the guard can help.
    const [orphan] = await db.select().from(operationRuns).where(eq(operationRuns.id, run.id));
    await (await getBoss()).deleteJob(orphan!.jobName!, orphan!.jobId!);
    expect(orphan).toMatchObject({ status: "running" });
    const guarded = await guardRuns({ quietSeconds: 0, storeIds: [shop.store.id] });
    expect(guarded).toMatchObject({ resumed: [run.id], failed: [] });

    await track(startWorkerProcess());
    const finished = await eventually(async () => {
      const [row] = await db.select().from(operationRuns).where(eq(operationRuns.id, run.id));
      return row!.status !== "running" && row!.status !== "queued" && row;
    }, 90_000);
    expect(finished).toMatchObject({ status: "succeeded", resumes: 1, error: null });
    for (const type of RESOURCE_TYPES) {
      const items = (await sandboxItems(shop.shopId, type)).length;
      expect(finished.counters[type]).toEqual({ planned: items, done: items, failed: 0 });
      expect(await indexItems(shop.store.id, type)).toEqual(await sandboxItems(shop.shopId, type));
    }
    const phases = (await db.select().from(operationEvents).where(eq(operationEvents.runId, run.id)))
      .filter((event) => event.type === "phase")
      .map((event) => event.data.phase);
    expect(phases.filter((phase) => phase === "export:product")).toHaveLength(1);
    expect(phases.filter((phase) => phase === "export:customer")).toHaveLength(2);
  }, 180_000);
});
