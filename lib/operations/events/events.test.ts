// Server-sent events of operations, in-process on the real routes: a run's snapshot and live
// events until it finishes, replay after Last-Event-ID, tenancy (a foreign run is 404), one
// LISTEN connection for any number of streams and nothing left behind when they close, a
// listener that loses its connection and misses nothing, and the store and organization streams.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orgEventsRoute from "@/app/api/organization/operations/events/route";
import * as runEventsRoute from "@/app/api/stores/[storeId]/operations/[runId]/events/route";
import * as storeEventsRoute from "@/app/api/stores/[storeId]/operations/events/route";
import { db } from "@/db/client";
import { eventually } from "@/lib/stores/testing/store-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { changeRun } from "../change-run";
import type { RunContext } from "../run-context";
import { deferred, openStream, runRow, storeWithQueuedRun } from "../testing/operation-helpers";
import { executeNow } from "../testing/run-now";
import { closeOperationListener, operationListener } from "./operation-listener";
import { runFeedCount } from "./run-feed";

// This process's connections are told apart by name: the pool's and the listener's.
const APP_NAME = `synco-events-test-${process.pid}`;
process.env.PGAPPNAME = APP_NAME;
const LISTENER_NAME = `${APP_NAME}:operation-events`;

let owner: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  stranger = await signUp();
  await createOrg(stranger);
});
afterAll(() => closeOperationListener());

const params = (storeId: string, runId: string) => ({ storeId, runId });

/** Appends a progress event to the run, as a worker would. */
const progress = (runId: string, done: number) =>
  changeRun(db, runId, { add: { order: { done } }, event: { type: "progress" } });

async function connections() {
  const { rows } = await db.execute<{ name: string; n: number }>(sql`
    select application_name as name, count(*)::int as n from pg_stat_activity
    where application_name like ${`${APP_NAME}%`} group by application_name`);
  const byName = Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
  return { pool: byName[APP_NAME] ?? 0, listener: byName[LISTENER_NAME] ?? 0 };
}

describe("a run's event stream", () => {
  it("sends a snapshot, then every event as it is written, and ends after the finished event", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const stream = await openStream(runEventsRoute.GET, owner, params(store.id, runId));
    expect(stream.status).toBe(200);
    expect(Object.fromEntries(stream.response.headers)).toMatchObject({
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    });
    const snapshot = await stream.reader!.next();
    expect(snapshot).toMatchObject({ event: "snapshot", id: "1", data: { run: { id: runId, status: "queued" } } });

    const go = deferred();
    const running = executeNow(runId, async (ctx: RunContext) => {
      await ctx.phase("export:order", { planned: { order: 3 } });
      await go.promise;
      for (let i = 0; i < 3; i++) await ctx.progress({ order: { done: 1 } });
      return { written: 3 };
    });
    expect(await stream.reader!.next()).toMatchObject({
      event: "status",
      id: "2",
      data: { data: { status: "running" } },
    });
    expect(await stream.reader!.next()).toMatchObject({
      event: "phase",
      id: "3",
      data: { seq: 3, runId, data: { phase: "export:order", counters: { order: { planned: 3, done: 0 } } } },
    });
    go.resolve();
    const finished = await stream.reader!.until((message) => message.event === "finished");
    expect(finished.data).toMatchObject({
      data: { status: "succeeded", summary: { written: 3 }, counters: { order: { planned: 3, done: 3, failed: 0 } } },
    });
    await stream.reader!.waitForEnd();
    await running;
    // Ids are the run's sequence, without gaps.
    const ids = stream.reader!.messages.map((message) => Number(message.id));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect((await runRow(runId)).lastSeq).toBe(ids.at(-1));
  });

  it("replays the events after Last-Event-ID from the table, then goes on live", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    for (let i = 0; i < 5; i++) await progress(runId, 1);
    // seq 1 queued, 2–6 progress.
    const stream = await openStream(runEventsRoute.GET, owner, params(store.id, runId), { lastEventId: 3 });
    const replayed = [await stream.reader!.next(), await stream.reader!.next(), await stream.reader!.next()];
    expect(replayed.map((message) => [message!.event, message!.id, message!.data.data.counters.order.done])).toEqual([
      ["progress", "4", 3],
      ["progress", "5", 4],
      ["progress", "6", 5],
    ]);
    await progress(runId, 1);
    expect(await stream.reader!.next()).toMatchObject({ event: "progress", id: "7" });
    stream.close();

    // The query parameter does the same for clients that cannot set the header.
    const byQuery = await openStream(runEventsRoute.GET, owner, params(store.id, runId), { query: "?lastEventId=6" });
    expect(await byQuery.reader!.next()).toMatchObject({ id: "7" });
    byQuery.close();

    // Malformed: 422 naming the field.
    const bad = await openStream(runEventsRoute.GET, owner, params(store.id, runId), { lastEventId: "seven" });
    expect(bad.status).toBe(422);
    expect(await bad.response.json()).toMatchObject({ error: { field: "lastEventId" } });

    // A finished run: a client past its last event is told 204 (a browser stops reconnecting);
    // one without Last-Event-ID gets the snapshot and the end.
    await executeNow(runId, async () => ({}));
    const last = (await runRow(runId)).lastSeq;
    const done = await openStream(runEventsRoute.GET, owner, params(store.id, runId), { lastEventId: last });
    expect(done.status).toBe(204);
    const behind = await openStream(runEventsRoute.GET, owner, params(store.id, runId), { lastEventId: last - 1 });
    expect(await behind.reader!.next()).toMatchObject({ event: "finished", id: String(last) });
    await behind.reader!.waitForEnd();
    const fresh = await openStream(runEventsRoute.GET, owner, params(store.id, runId));
    expect(await fresh.reader!.next()).toMatchObject({ event: "snapshot", data: { run: { status: "succeeded" } } });
    await fresh.reader!.waitForEnd();
  });

  it("is 404 for another organization's run, and for a run under another store's address", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const { store: other } = await storeWithQueuedRun(owner);
    const foreign = await openStream(runEventsRoute.GET, stranger, params(store.id, runId));
    expect(foreign.status).toBe(404);
    const crossed = await openStream(runEventsRoute.GET, owner, params(other.id, runId));
    expect(crossed.status).toBe(404);
    const unknown = await openStream(
      runEventsRoute.GET,
      owner,
      params(store.id, "00000000-0000-4000-8000-000000000000"),
    );
    expect(unknown.status).toBe(404);
    const signedOut = await runEventsRoute.GET(new Request("http://localhost:3000/x"), {
      params: Promise.resolve(params(store.id, runId)),
    });
    expect(signedOut.status).toBe(401);
  });
});

describe("one listener per process", () => {
  it("200 streams opened and closed leave no extra database connections or listeners", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const first = await openStream(runEventsRoute.GET, owner, params(store.id, runId));
    await first.reader!.next();
    const before = { connections: await connections(), listener: operationListener().stats(), feeds: runFeedCount() };
    expect(before.connections.listener).toBe(1);

    const streams = await Promise.all(
      Array.from({ length: 200 }, () => openStream(runEventsRoute.GET, owner, params(store.id, runId))),
    );
    await Promise.all(streams.map((stream) => stream.reader!.next()));
    expect(operationListener().stats().subscribers).toBe(before.listener.subscribers);
    expect(runFeedCount()).toBe(1);
    // One event reaches all 201 streams through the one connection.
    await progress(runId, 1);
    await Promise.all(
      [first, ...streams].map((stream) => stream.reader!.until((message) => message.event === "progress")),
    );
    const during = await connections();
    expect(during.listener).toBe(1);
    expect(during.pool).toBeLessThanOrEqual(Number(process.env.SYNCO_DB_POOL_SIZE ?? 10));

    for (const stream of streams) stream.close();
    await Promise.all(streams.map((stream) => stream.reader!.waitForEnd()));
    expect(operationListener().stats()).toEqual(before.listener);
    expect(runFeedCount()).toBe(before.feeds);
    expect((await connections()).listener).toBe(1);
    first.close();
    await first.reader!.waitForEnd();
    expect(operationListener().stats()).toMatchObject({
      keys: before.listener.keys - 1,
      subscribers: before.listener.subscribers - 1,
    });
    expect(runFeedCount()).toBe(0);
  });

  it("loses its connection and misses nothing: events written meanwhile arrive in order", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const stream = await openStream(runEventsRoute.GET, owner, params(store.id, runId));
    await stream.reader!.next();
    await db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${LISTENER_NAME}`,
    );
    for (let i = 0; i < 4; i++) await progress(runId, 1);
    const received = [];
    for (let i = 0; i < 4; i++) received.push(await stream.reader!.next());
    expect(received.map((message) => message!.id)).toEqual(["2", "3", "4", "5"]);
    await eventually(async () => (await connections()).listener === 1);
    await progress(runId, 1);
    expect(await stream.reader!.next()).toMatchObject({ id: "6" });
    stream.close();
  });
});

describe("a store's and an organization's runs", () => {
  it("send the active runs, then each run as it changes; other organizations hear nothing", async () => {
    const { store, runId } = await storeWithQueuedRun(owner);
    const storeStream = await openStream(storeEventsRoute.GET, owner, { storeId: store.id });
    const orgStream = await openStream(orgEventsRoute.GET, owner, {});
    const strangerStream = await openStream(orgEventsRoute.GET, stranger, {});
    expect((await openStream(storeEventsRoute.GET, stranger, { storeId: store.id })).status).toBe(404);

    const storeSnapshot = await storeStream.reader!.next();
    expect(storeSnapshot).toMatchObject({ event: "snapshot", data: { runs: [{ id: runId, status: "queued" }] } });
    const orgSnapshot = await orgStream.reader!.next();
    expect(orgSnapshot!.data.runs.map((run: { id: string }) => run.id)).toContain(runId);
    expect((await strangerStream.reader!.next())!.data.runs).toEqual([]);

    await executeNow(runId, async (ctx) => {
      await ctx.phase("export:order");
      return {};
    });
    for (const stream of [storeStream, orgStream]) {
      const ended = await stream.reader!.until(
        (message) => message.event === "run" && message.data.run.id === runId && message.data.event === "finished",
      );
      expect(ended.data.run).toMatchObject({ status: "succeeded", phase: "export:order" });
    }
    expect(storeStream.reader!.messages.map((message) => message.data.event).filter(Boolean)).toEqual([
      "status",
      "phase",
      "finished",
    ]);
    strangerStream.close();
    expect(strangerStream.reader!.messages).toHaveLength(1);
    storeStream.close();
    orgStream.close();
  });
});
