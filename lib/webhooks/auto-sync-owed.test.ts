// An automatic sync is never lost to a crash (decision 110). An app process is killed (SIGKILL)
// after its deliveries committed and before their syncs were asked for — each one held at the
// store's run lock, the first thing a sync request takes — so the deliveries count as handled and
// Shopify's retry is a duplicate. A worker started afterwards sweeps what they owed: the item is
// synced once, and the stores that can no longer sync (Odoo connection removed, automatic sync
// turned off, store disconnected) are settled with the reason logged, not asked again. A sweep
// racing the delivery's own request, twice over, makes one request and one run, and an entry
// swept after its request was made (the process died before settling it) makes none. A request
// cancelled by the database keeps its entry for the sweep, and the delivery is still answered.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as disconnectRoute from "@/app/api/stores/[storeId]/disconnect/route";
import * as odooConnectionRoute from "@/app/api/stores/[storeId]/odoo/route";
import { db } from "@/db/client";
import { owedAutoSyncs } from "@/db/schema/odoo-sync";
import { odooCounts, sandboxStoreWithOdoo, syncNow } from "@/lib/odoo-sync/testing/odoo-sync-fixtures";
import type { TStoreView } from "@/lib/stores/schemas";
import { eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { startAppProcess, startWorkerProcess, type AppProcess } from "@/lib/testing/child-processes";
import { stopAfterAll } from "@/lib/testing/track-processes";
import { call } from "@/lib/testing/http";
import { sweepOwedAutoSyncs } from "./sweep-owed-auto-syncs";
import {
  customerUpdated,
  holdRunLocks,
  mappingOf,
  notSyncedCustomer,
  owedOf,
  runLockWaiters,
  setAutoSync,
  syncRequestsOf,
  syncRuns,
} from "./testing/auto-sync-fixtures";

serveTestAppForFile();
let owner: TestUser;
const track = stopAfterAll();

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

async function storeWithAutoSync(): Promise<TStoreView> {
  const store = await sandboxStoreWithOdoo(owner, 19);
  expect((await setAutoSync(owner, store, true)).status).toBe(200);
  return store;
}

/** JSON log lines of a child process with this message. */
const logged = (child: AppProcess, msg: string) =>
  child
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);

/** Sweeps entries of any age (the default leaves entries younger than 2 minutes to their process). */
const NOW = { olderThanSeconds: 0 };

describe("an app process killed after its deliveries committed", () => {
  let synced: TStoreView;

  it("leaves owed syncs a worker's sweep asks for once; those that can never be are settled", async () => {
    // Created one after the other: a sandbox store's seed is heavy for a shared machine.
    const stores: TStoreView[] = [];
    for (let i = 0; i < 4; i++) stores.push(await storeWithAutoSync());
    const [normal, odooRemoved, turnedOff, disconnected] = stores as [TStoreView, TStoreView, TStoreView, TStoreView];
    synced = normal;
    const customers = await Promise.all(stores.map((store) => notSyncedCustomer(store.id)));
    const webhookIds = stores.map(() => randomUUID());

    const app = await track(startAppProcess({ workers: false }));
    const release = await holdRunLocks(stores.map((store) => store.id));
    const answers = stores.map((store, i) =>
      customerUpdated(store, customers[i]!, { webhookId: webhookIds[i], to: app.url }),
    );
    // Every delivery committed, its owed sync with it, and its request waiting for the store's run lock.
    await eventually(async () => {
      const waiting = await Promise.all(stores.map((store) => runLockWaiters(store.id)));
      return waiting.every((count) => count === 1);
    });
    expect(await owedOf(webhookIds)).toHaveLength(4);
    app.kill("SIGKILL");
    expect(await app.exited).toBeNull();
    expect(await Promise.all(answers)).toEqual([null, null, null, null]);
    await release();

    // The crash's window: handled, owed, never asked for — and Shopify's retry changes nothing.
    expect(await syncRequestsOf(webhookIds)).toEqual([]);
    for (const store of stores) expect(await syncRuns(store.id)).toEqual([]);
    expect((await customerUpdated(normal, customers[0]!, { webhookId: webhookIds[0] }))?.outcome).toBe("duplicate");
    expect(await syncRuns(normal.id)).toEqual([]);
    expect(await owedOf(webhookIds)).toHaveLength(4);

    // Meanwhile three stores stop being able to sync.
    const asOwner = { cookie: owner.cookie };
    expect(
      (await call(odooConnectionRoute.DELETE, "DELETE", "/x", { ...asOwner, params: { storeId: odooRemoved.id } }))
        .status,
    ).toBe(200);
    expect((await setAutoSync(owner, turnedOff, false)).status).toBe(200);
    expect(
      (await call(disconnectRoute.POST, "POST", "/x", { ...asOwner, params: { storeId: disconnected.id } })).status,
    ).toBe(200);

    // A worker starts: its first sweep asks for the owed sync, and it runs the sync.
    const partners = (await odooCounts(normal))["res.partner"] ?? 0;
    // Its sweep takes entries of any age; other test files' workers, sweeping the same table, leave
    // these to this one for the default grace (2 minutes), longer than this test's window.
    const worker = await track(
      startWorkerProcess({ env: { LOG_LEVEL: "info", SYNCO_AUTO_SYNC_SWEEP_GRACE_SECONDS: "0" } }),
    );
    await eventually(async () => (await mappingOf(normal.id, customers[0]!.shopifyId))?.status === "synced", 90_000);
    await eventually(async () => (await owedOf(webhookIds)).length === 0);
    const runs = await syncRuns(normal.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "webhook", actorId: null });
    expect(runs[0]!.counters.customer).toMatchObject({ planned: 1, done: 1, failed: 0 });
    expect((await odooCounts(normal))["res.partner"]).toBe(partners + 1);
    const requests = await syncRequestsOf(webhookIds);
    expect(requests.map((row) => row.idempotencyKey)).toEqual([`webhook:${webhookIds[0]}`]);

    // The other three: settled with the reason said, no run, nothing left to retry.
    for (const store of [odooRemoved, turnedOff, disconnected]) expect(await syncRuns(store.id)).toEqual([]);
    const reasons = Object.fromEntries(
      logged(worker, "automatic sync not queued").map((line) => [line.webhookId, line.reason]),
    );
    expect(reasons[webhookIds[1]!]).toMatch(/no Odoo connection/);
    expect(reasons[webhookIds[2]!]).toBe("automatic sync is off");
    expect(reasons[webhookIds[3]!]).toBe("the store is not connected");
    expect(reasons[webhookIds[0]!]).toBeUndefined();
    await worker.stop();

    // Swept again: nothing owed, nothing asked again.
    await sweepOwedAutoSyncs(NOW);
    expect(await syncRuns(normal.id)).toHaveLength(1);
    expect(await syncRequestsOf(webhookIds)).toHaveLength(1);
  }, 300_000);

  it("a sweep racing the delivery's own request, twice over, makes one request and one run", async () => {
    const store = synced;
    const customer = await notSyncedCustomer(store.id);
    const webhookId = randomUUID();
    const before = (await syncRuns(store.id)).length;

    const release = await holdRunLocks([store.id]);
    const delivered = customerUpdated(store, customer, { webhookId });
    await eventually(async () => (await owedOf([webhookId])).length === 1 && (await runLockWaiters(store.id)) === 1);
    const sweeps = [sweepOwedAutoSyncs(NOW), sweepOwedAutoSyncs(NOW)];
    // The delivery's request and both sweeps' wait for the lock together.
    await eventually(async () => (await runLockWaiters(store.id)) === 3);
    await release();
    expect((await delivered)?.outcome).toBe("handled");
    await Promise.all(sweeps);

    expect(await owedOf([webhookId])).toEqual([]);
    expect(await syncRequestsOf([webhookId])).toHaveLength(1);
    const runs = await syncRuns(store.id);
    expect(runs).toHaveLength(before + 1);
    const run = runs.find((row) => row.status === "queued")!;
    expect(run.counters.customer).toMatchObject({ planned: 1 });
    await sweepOwedAutoSyncs(NOW);
    expect(await syncRuns(store.id)).toHaveLength(before + 1);

    const partners = (await odooCounts(store))["res.partner"] ?? 0;
    expect(await syncNow(run.id)).toMatchObject({ status: "succeeded" });
    expect(await mappingOf(store.id, customer.shopifyId)).toMatchObject({ status: "synced" });
    expect((await odooCounts(store))["res.partner"]).toBe(partners + 1);

    // A process that died after asking, before settling, leaves the entry as it was: swept after
    // the run ended, the delivery's key still answers that run.
    const [owed] = await db
      .insert(owedAutoSyncs)
      .values({ webhookId, storeId: store.id, resourceType: "customer", shopifyId: customer.shopifyId })
      .returning();
    await sweepOwedAutoSyncs(NOW);
    expect(await owedOf([owed!.webhookId])).toEqual([]);
    expect(await syncRuns(store.id)).toHaveLength(before + 1);
    expect(await syncRequestsOf([webhookId])).toHaveLength(1);
  }, 120_000);

  it("a database failure after the commit keeps the owed sync for the sweep; the delivery is answered", async () => {
    const store = synced;
    const customer = await notSyncedCustomer(store.id);
    const webhookId = randomUUID();
    const before = (await syncRuns(store.id)).length;

    const release = await holdRunLocks([store.id]);
    const delivered = customerUpdated(store, customer, { webhookId });
    await eventually(async () => (await runLockWaiters(store.id)) === 1);
    // The request's statement is cancelled while it waits, as a statement timeout would: a failure
    // of our own database.
    await db.execute(sql`
      select pg_cancel_backend(l.pid) from pg_locks l
      where l.locktype = 'advisory' and not l.granted and l.objsubid = 1
        and ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(${`synco:store-runs:${store.id}`}, 0)`);
    expect((await delivered)?.outcome).toBe("handled");
    await release();
    expect(await owedOf([webhookId])).toHaveLength(1);
    expect(await syncRequestsOf([webhookId])).toEqual([]);

    // Within its grace the entry is left to the process that owes it.
    await sweepOwedAutoSyncs();
    expect(await owedOf([webhookId])).toHaveLength(1);
    expect(await syncRequestsOf([webhookId])).toEqual([]);
    await sweepOwedAutoSyncs(NOW);
    expect(await owedOf([webhookId])).toEqual([]);
    expect(await syncRequestsOf([webhookId])).toHaveLength(1);
    expect(await syncRuns(store.id)).toHaveLength(before + 1);
  }, 60_000);

  it("a delivery for a store without an Odoo connection owes nothing once refused", async () => {
    const store = await storeWithAutoSync();
    const customer = await notSyncedCustomer(store.id);
    expect(
      (
        await call(odooConnectionRoute.DELETE, "DELETE", "/x", {
          cookie: owner.cookie,
          params: { storeId: store.id },
        })
      ).status,
    ).toBe(200);
    const webhookId = randomUUID();
    expect((await customerUpdated(store, customer, { webhookId }))?.outcome).toBe("handled");
    expect(await owedOf([webhookId])).toEqual([]);
    expect(await syncRequestsOf([webhookId])).toEqual([]);
    expect(await syncRuns(store.id)).toEqual([]);
  }, 120_000);
});
