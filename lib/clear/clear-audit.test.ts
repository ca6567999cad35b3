// Every clear run's end is in the audit log once, however it ends: cancelled before its job
// started, or failed by the guard once its automatic resumes are spent (no job left to record
// it); and a request replayed with the same Idempotency-Key is one request, audited once.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/stores/[storeId]/operations/[runId]/cancel/route";
import * as resumeRoute from "@/app/api/stores/[storeId]/operations/[runId]/resume/route";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { getBoss } from "@/lib/jobs/boss";
import { auditRows } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { guardAndAudit } from "@/lib/workers/job-handlers";
import { clearNow, mappedShop, mappingsOf, startClear } from "./testing/clear-fixtures";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const SIZES = { products: 2, customers: 3, orders: 4 };
const MAPPED = { product: 2, customer: 3, order: 4 };

async function endRows(storeId: string, runId: string) {
  return (await auditRows(storeId)).filter(
    (row) => row.action.startsWith("clear.") && (row.details as { runId?: string }).runId === runId,
  );
}

describe("the end of every clear run is audited once", () => {
  it("a clear cancelled while queued: clear.cancelled, once, also when its job starts anyway", async () => {
    const shop = await mappedShop(owner, SIZES);
    const started = await startClear(owner, shop);
    expect(started.status).toBe(202);
    const runId = started.body.run.id as string;
    const cancelled = await call(cancelRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: shop.store.id, runId },
    });
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.run.status).toBe("cancelled");
    const after = await clearNow(runId);
    expect(after.status).toBe("cancelled");
    const rows = await endRows(shop.store.id, runId);
    expect(rows.map((row) => [row.action, row.outcome])).toEqual([
      ["clear.requested", "succeeded"],
      ["clear.cancelled", "cancelled"],
    ]);
    expect(rows[1]).toMatchObject({ actorEmail: owner.email, target: shop.store.shopDomain });
    expect(rows[1]!.details).toMatchObject({ runId, scope: ["product", "customer", "order"] });
    expect(await mappingsOf(shop.store.id)).toEqual(MAPPED);
  }, 60_000);

  it("a clear the guard fails for good (its job gone, its resumes spent): clear.failed with the reason, once", async () => {
    const shop = await mappedShop(owner, SIZES);
    const started = await startClear(owner, shop);
    const runId = started.body.run.id as string;
    const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
    await (await getBoss()).deleteJob(run!.jobName!, run!.jobId!);
    await db
      .update(operationRuns)
      .set({ resumes: 2, updatedAt: sql`now() - interval '1 minute'` })
      .where(eq(operationRuns.id, runId));
    const scope = { quietSeconds: 0, storeIds: [shop.store.id] };
    expect(await guardAndAudit(scope)).toMatchObject({ failed: [runId] });
    expect(await guardAndAudit(scope)).toMatchObject({ resumed: [], failed: [] });
    const rows = await endRows(shop.store.id, runId);
    expect(rows.map((row) => [row.action, row.outcome])).toEqual([
      ["clear.requested", "succeeded"],
      ["clear.failed", "failed"],
    ]);
    expect((rows[1]!.details as { error: string }).error).toContain("its job no longer exists");
    expect(rows[1]).toMatchObject({ actorEmail: owner.email });
    expect(await mappingsOf(shop.store.id)).toEqual(MAPPED);
  }, 60_000);

  it("a failed clear resumed that then succeeds records both ends", async () => {
    const shop = await mappedShop(owner, SIZES);
    const runId = (await startClear(owner, shop)).body.run.id as string;
    const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
    await (await getBoss()).deleteJob(run!.jobName!, run!.jobId!);
    await db
      .update(operationRuns)
      .set({ resumes: 2, updatedAt: sql`now() - interval '1 minute'` })
      .where(eq(operationRuns.id, runId));
    await guardAndAudit({ quietSeconds: 0, storeIds: [shop.store.id] });
    const resumed = await call(resumeRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: shop.store.id, runId },
    });
    expect(resumed.status).toBe(202);
    expect(await clearNow(runId)).toMatchObject({ status: "succeeded" });
    const actions = (await endRows(shop.store.id, runId))
      .map((row) => row.action)
      .filter((action) => action !== "clear.phase" && action !== "clear.started");
    expect(actions).toEqual(["clear.requested", "clear.failed", "clear.finished"]);
    expect(await mappingsOf(shop.store.id)).toEqual({ product: 0, customer: 0, order: 0 });
  }, 120_000);
});

describe("a replayed request is audited once", () => {
  it("a double click (the same key twice at once) makes one run and one 'Asked to clear'", async () => {
    const shop = await mappedShop(owner, SIZES);
    const key = randomUUID();
    const [a, b] = await Promise.all([startClear(owner, shop, {}, key), startClear(owner, shop, {}, key)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.run.id).toBe(b.body.run.id);
    expect([a.body.created, b.body.created].sort()).toEqual([false, true]);
    const again = await startClear(owner, shop, {}, key);
    expect(again.body).toMatchObject({ created: false, run: { id: a.body.run.id } });
    const runs = await db
      .select()
      .from(operationRuns)
      .where(and(eq(operationRuns.storeId, shop.store.id), eq(operationRuns.kind, "clear")));
    expect(runs).toHaveLength(1);
    const requested = (await auditRows(shop.store.id)).filter((row) => row.action === "clear.requested");
    expect(requested).toHaveLength(1);
    expect(requested[0]!.details).toMatchObject({ runId: a.body.run.id, created: true });
    await clearNow(a.body.run.id);
  }, 60_000);
});
