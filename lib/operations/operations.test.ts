// The operations model on a real PostgreSQL and pg-boss: an attempt's timeline, counters counted
// once, exclusivity held by the database (409 naming the active run), idempotency keys, cancel
// (queued at once, running at its next checkpoint), resume from the checkpoint, retries, the
// guard for runs with no live job, and the routes' tenancy and roles.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/stores/[storeId]/operations/[runId]/cancel/route";
import * as resumeRoute from "@/app/api/stores/[storeId]/operations/[runId]/resume/route";
import * as runRoute from "@/app/api/stores/[storeId]/operations/[runId]/route";
import * as listRoute from "@/app/api/stores/[storeId]/operations/route";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { AppError } from "@/lib/errors/app-error";
import { toErrorResponse } from "@/lib/http/error-response";
import { getBoss } from "@/lib/jobs/boss";
import { enqueue } from "@/lib/jobs/enqueue";
import { createRun } from "@/lib/jobs/enqueue-run";
import { auditRows } from "@/lib/stores/testing/store-helpers";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { executeRun } from "./execute-run";
import { guardRuns } from "./guard-runs";
import { RunFailedError } from "./run-errors";
import { deferred, eventRows, runRow, storeWithQueuedRun } from "./testing/operation-helpers";
import { executeNow } from "./testing/run-now";

let owner: TestUser;
let member: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  member = await addMember(owner, "member");
  stranger = await signUp();
  await createOrg(stranger);
});

const params = (storeId: string, runId?: string): Record<string, string> => (runId ? { storeId, runId } : { storeId });

describe("an attempt", () => {
  it("records phases and counters as a gapless timeline, counted in the work's own transaction", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const run = await executeNow(runId, async (ctx) => {
      await ctx.phase("export:order", { planned: { order: 30 } });
      for (let batch = 0; batch < 3; batch++) {
        await db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await ctx.progress({ order: { done: 10 } }, { tx, checkpoint: { batch } });
        });
      }
      // A batch whose transaction rolls back is not counted.
      await db
        .transaction(async (tx) => {
          await ctx.progress({ order: { done: 10, failed: 1 } }, { tx });
          throw new Error("roll back");
        })
        .catch(() => {});
      await ctx.strategy("paged");
      return { written: 30 };
    });
    expect(run).toMatchObject({
      status: "succeeded",
      phase: "export:order",
      strategy: "paged",
      counters: { order: { planned: 30, done: 30, failed: 0 } },
      checkpoint: { batch: 2 },
      summary: { written: 30 },
      attempt: 1,
      lease: null,
    });
    const events = await eventRows(runId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]).toMatchObject({ type: "status", data: { status: "queued" } });
    expect(events[1]).toMatchObject({ type: "status", data: { status: "running", attempt: 1 } });
    expect(events[2]).toMatchObject({ type: "phase", data: { phase: "export:order" } });
    expect(events.at(-1)).toMatchObject({
      type: "finished",
      data: { status: "succeeded", summary: { written: 30 }, counters: { order: { done: 30 } } },
    });
    expect(run.lastSeq).toBe(events.length);

    // The API: the run alone, and in the store's history; another organization gets 404.
    const one = await call(runRoute.GET, "GET", "/x", { cookie: member.cookie, params: params(store.id, runId) });
    expect(one.status).toBe(200);
    expect(one.body.run).toMatchObject({ id: runId, kind: "index_refresh", status: "succeeded", lastSeq: run.lastSeq });
    expect(JSON.stringify(one.body)).not.toMatch(/lease|jobId|idempotency/);
    const list = await call(listRoute.GET, "GET", "/x", { cookie: member.cookie, params: params(store.id) });
    expect(list.body).toMatchObject({ active: [], history: [{ id: runId }], nextCursor: null });
    for (const [user, path] of [
      [stranger, params(store.id, runId)],
      [owner, params(store.id, randomUUID())],
      [owner, params(store.id, "not-a-run")],
    ] as const) {
      const res = await call(runRoute.GET, "GET", "/x", { cookie: user.cookie, params: path });
      expect(res.status).toBe(404);
    }
  });

  it("fails at once on an error retrying cannot fix; otherwise shows the retry with its reason", async () => {
    const { runId } = await storeWithQueuedRun(owner);
    const attempt = (final: boolean, error: Error) =>
      executeRun({ runId, storeId: "", organizationId: "", job: { id: randomUUID(), final } }, async () => {
        throw error;
      });
    const row = await runRow(runId);
    const target = { storeId: row.storeId, organizationId: row.organizationId };
    const run = (final: boolean, error: Error) =>
      executeRun({ runId, ...target, job: { id: randomUUID(), final } }, async () => {
        throw error;
      });
    // The store and organization are part of the claim: a payload for another store claims nothing.
    await attempt(true, new Error("never runs"));
    expect((await runRow(runId)).status).toBe("queued");

    await expect(run(false, new Error("Shopify is down"))).rejects.toThrow("Shopify is down");
    expect(await runRow(runId)).toMatchObject({ status: "queued", error: "Shopify is down", attempt: 1 });
    await run(false, new RunFailedError("The store is disconnected"));
    expect(await runRow(runId)).toMatchObject({ status: "failed", error: "The store is disconnected", attempt: 2 });
    const types = (await eventRows(runId)).map((event) => `${event.type}:${String(event.data.status)}`);
    expect(types).toEqual(["status:queued", "status:running", "status:queued", "status:running", "finished:failed"]);
  });
});

describe("exclusive runs and idempotency keys", () => {
  it("two clears at once make one run and one 409 naming it", async () => {
    const { store } = await storeWithQueuedRun(owner);
    const target = { storeId: store.id, organizationId: store.organizationId };
    const start = () =>
      db.transaction(async (tx) => {
        const queued = await createRun("clear", target, { tx, actor: { userId: owner.id, email: owner.email } });
        // Both transactions are open at once: the database, not a read before the insert, decides.
        await tx.execute(sql`select pg_sleep(0.2)`);
        return queued;
      });
    const outcomes = await Promise.allSettled([start(), start()]);
    const created = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = (created[0] as PromiseFulfilledResult<{ run: { id: string; kind: string } }>).value.run;
    const error = (refused[0] as PromiseRejectedResult).reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    const response = toErrorResponse(error);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: "conflict", details: { runId: winner.id, kind: winner.kind, status: "queued" } },
    });
    const active = await db
      .select()
      .from(operationRuns)
      .where(and(eq(operationRuns.storeId, store.id), eq(operationRuns.exclusive, true)));
    expect(active.map((run) => run.id)).toEqual([winner.id]);
    // Non-exclusive work of the store goes on beside it; its own kind answers with the active run.
    const again = await db.transaction((tx) => createRun("index_refresh", target, { tx }));
    expect(again.created).toBe(false);
  });

  it("a sync asked for during a clear is queued beside it; a clear asked for during a sync is a 409", async () => {
    const { store } = await storeWithQueuedRun(owner);
    const target = { storeId: store.id, organizationId: store.organizationId };
    const clear = await db.transaction((tx) => createRun("clear", target, { tx }));
    const sync = await db.transaction((tx) => createRun("sync", target, { tx }));
    expect(sync).toMatchObject({ created: true, run: { kind: "sync", status: "queued", exclusive: false } });
    await db.update(operationRuns).set({ status: "succeeded" }).where(eq(operationRuns.id, clear.run.id));
    const refused = await db.transaction((tx) => createRun("clear", target, { tx })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "conflict", details: { runId: sync.run.id, kind: "sync" } });
  });

  it("the same idempotency key gives the same run, even after it finished", async () => {
    const { store } = await storeWithQueuedRun(owner);
    const target = { storeId: store.id, organizationId: store.organizationId };
    const key = randomUUID();
    const start = () => db.transaction((tx) => createRun("clear", target, { tx, idempotencyKey: key }));
    const [first, second] = await Promise.all([start(), start()]);
    expect(first.run.id).toBe(second.run.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    await db.update(operationRuns).set({ status: "succeeded" }).where(eq(operationRuns.id, first.run.id));
    expect((await start()).run.id).toBe(first.run.id);
    // A new key starts a new run once the store is free.
    const other = await db.transaction((tx) => createRun("clear", target, { tx, idempotencyKey: randomUUID() }));
    expect(other).toMatchObject({ created: true });
    expect(other.run.id).not.toBe(first.run.id);
  });
});

describe("cancel and resume", () => {
  it("cancels a queued run at once: admins only, audited, its job cancelled", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const boss = await getBoss();
    const { run: queued } = await db.transaction((tx) =>
      createRun("index_refresh", { storeId: store.id, organizationId: store.organizationId }, { tx }),
    );
    expect(queued.id).toBe(runId);
    const jobId = await enqueue(
      "shopify-index.refresh",
      { runId, storeId: store.id, organizationId: store.organizationId },
      {
        singletonKey: runId,
        startAfter: 3600,
      },
    );
    await db.update(operationRuns).set({ jobName: "shopify-index.refresh", jobId }).where(eq(operationRuns.id, runId));

    const refused = await call(cancelRoute.POST, "POST", "/x", {
      cookie: member.cookie,
      params: params(store.id, runId),
    });
    expect(refused.status).toBe(403);
    const foreign = await call(cancelRoute.POST, "POST", "/x", {
      cookie: stranger.cookie,
      params: params(store.id, runId),
    });
    expect(foreign.status).toBe(404);
    const res = await call(cancelRoute.POST, "POST", "/x", { cookie: owner.cookie, params: params(store.id, runId) });
    expect(res.status).toBe(202);
    expect(res.body.run).toMatchObject({ status: "cancelled", cancelRequested: true });
    expect((await boss.getJobById("shopify-index.refresh", jobId!))?.state).toBe("cancelled");
    expect((await auditRows(store.id)).map((row) => row.action)).toContain("operations.run_cancelled");
    // Twice: the run has already ended.
    const again = await call(cancelRoute.POST, "POST", "/x", { cookie: owner.cookie, params: params(store.id, runId) });
    expect(again.status).toBe(409);
    // A job that starts anyway finds nothing to do.
    await executeNow(runId, async () => {
      throw new Error("must not run");
    });
    expect((await runRow(runId)).status).toBe("cancelled");
  });

  it("stops a running run at its next checkpoint, records what was done, and resumes from there", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const items = 50;
    const processed: number[] = [];
    const started = deferred();
    const executor = async (ctx: Parameters<Parameters<typeof executeNow>[1]>[0]) => {
      const from = (ctx.run.checkpoint as { next?: number } | null)?.next ?? 0;
      await ctx.phase("work", { planned: { item: items } });
      for (let next = from; next < items; next++) {
        ctx.throwIfCancelled();
        await db.transaction(async (tx) => {
          processed.push(next);
          await ctx.progress({ item: { done: 1 } }, { tx, checkpoint: { next: next + 1 } });
        });
        if (next === 9) started.resolve();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { items };
    };
    const running = executeNow(runId, executor);
    await started.promise;
    const res = await call(cancelRoute.POST, "POST", "/x", { cookie: owner.cookie, params: params(store.id, runId) });
    expect(res.status).toBe(202);
    expect(res.body.run).toMatchObject({ status: "running", cancelRequested: true });
    const cancelled = await running;
    const done = cancelled.counters.item!.done;
    expect(cancelled).toMatchObject({
      status: "cancelled",
      summary: { stoppedIn: "work" },
      checkpoint: { next: done },
    });
    expect(done).toBeGreaterThanOrEqual(10);
    expect(done).toBeLessThan(items);
    expect(processed).toHaveLength(done);

    // Members cannot resume; a running or succeeded run cannot be resumed.
    expect(
      (await call(resumeRoute.POST, "POST", "/x", { cookie: member.cookie, params: params(store.id, runId) })).status,
    ).toBe(403);
    const resumed = await call(resumeRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: params(store.id, runId),
    });
    expect(resumed.status).toBe(202);
    expect(resumed.body.run).toMatchObject({ status: "queued", resumes: 1, cancelRequested: false, error: null });
    const queuedJob = await runRow(runId);
    expect(await (await getBoss()).getJobById(queuedJob.jobName!, queuedJob.jobId!)).toMatchObject({
      state: "created",
      data: { payload: { runId } },
    });
    const finished = await executeNow(runId, executor);
    // Each item counted once, across both attempts.
    expect(finished).toMatchObject({
      status: "succeeded",
      counters: { item: { planned: items, done: items, failed: 0 } },
    });
    expect(processed).toEqual(Array.from({ length: items }, (_, i) => i));
    const again = await call(resumeRoute.POST, "POST", "/x", { cookie: owner.cookie, params: params(store.id, runId) });
    expect(again.status).toBe(409);
    expect((await auditRows(store.id)).map((row) => row.action)).toEqual(
      expect.arrayContaining(["operations.cancel_requested", "operations.run_resumed"]),
    );
  });

  it("resuming meets the store's rules: another run of the kind active makes it a 409 naming that run", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    await executeNow(runId, async () => {
      throw new RunFailedError("Shopify refused");
    });
    const target = { storeId: store.id, organizationId: store.organizationId };
    const { run: newer } = await db.transaction((tx) => createRun("index_refresh", target, { tx }));
    const res = await call(resumeRoute.POST, "POST", "/x", { cookie: owner.cookie, params: params(store.id, runId) });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ runId: newer.id });
    expect((await runRow(runId)).status).toBe("failed");
  });
});

describe("the guard", () => {
  it("queues again a run whose job is gone, then fails it with the reason once its resumes are spent", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const scope = { quietSeconds: 0, storeIds: [store.id] };
    // A job that exists and is queued is pg-boss's to run: left alone.
    const { run } = await db.transaction((tx) =>
      createRun("index_refresh", { storeId: store.id, organizationId: store.organizationId }, { tx }),
    );
    expect(run.id).toBe(runId);
    for (let resume = 1; resume <= 2; resume++) {
      const result = await guardRuns(scope);
      expect(result).toMatchObject({ checked: 1, resumed: [runId], failed: [] });
      const row = await runRow(runId);
      expect(row).toMatchObject({ status: "queued", resumes: resume });
      expect(await (await getBoss()).getJobById(row.jobName!, row.jobId!)).toMatchObject({ state: "created" });
      expect(await guardRuns(scope)).toMatchObject({ resumed: [], failed: [] });
      await (await getBoss()).deleteJob(row.jobName!, row.jobId!);
    }
    expect(await guardRuns(scope)).toMatchObject({ failed: [runId] });
    const failed = await runRow(runId);
    expect(failed).toMatchObject({ status: "failed", resumes: 2 });
    expect(failed.error).toBe("The run stopped without finishing: its job no longer exists (resumed 2 times already).");
    const last = (await eventRows(runId)).at(-1)!;
    expect(last).toMatchObject({ type: "finished", data: { status: "failed" } });
  });

  it("leaves alone runs that changed recently, and runs of other pg-boss schemas", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    expect(await guardRuns({ storeIds: [store.id] })).toMatchObject({ checked: 0 });
    await db.update(operationRuns).set({ jobSchema: "pgboss_elsewhere" }).where(eq(operationRuns.id, runId));
    expect(await guardRuns({ quietSeconds: 0, storeIds: [store.id] })).toMatchObject({ checked: 0 });
  });
});

describe("the runs list", () => {
  it("pages the history newest first and names a bad query's field", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const target = { storeId: store.id, organizationId: store.organizationId };
    await executeNow(runId, async () => ({}));
    const finished = [runId];
    for (let i = 0; i < 4; i++) {
      const { run } = await db.transaction((tx) => createRun("index_refresh", target, { tx }));
      await executeNow(run.id, async () => ({}));
      finished.unshift(run.id);
    }
    const { run: active } = await db.transaction((tx) => createRun("index_refresh", target, { tx }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const query: string = `/x?kind=index_refresh,seed&limit=2${cursor ? `&before=${cursor}` : ""}`;
      const res = await call(listRoute.GET, "GET", query, { cookie: member.cookie, params: params(store.id) });
      expect(res.status).toBe(200);
      expect(res.body.active.map((run: { id: string }) => run.id)).toEqual(first ? [active.id] : []);
      seen.push(...res.body.history.map((run: { id: string }) => run.id));
      cursor = res.body.nextCursor;
      first = false;
    } while (cursor);
    expect(seen).toEqual(finished);
    for (const [query, field] of [
      ["?kind=clear,everything", "kind"],
      ["?limit=0", "limit"],
      ["?before=not-a-cursor", "before"],
    ]) {
      const res = await call(listRoute.GET, "GET", `/x${query}`, { cookie: member.cookie, params: params(store.id) });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ field });
    }
  });
});
