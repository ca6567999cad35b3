// Automatic sync to Odoo from Shopify's webhooks, and the mapping lost and found again through an
// old export: against the sandbox Shopify and the sandbox Odoo over HTTP. A customer updated in
// Shopify is queued for a sync once the store's setting is on (audited), once per delivery and per
// item, never when the setting is off or the item is synced already, and behind a clear when one
// is under way; an old export restored after a clear, then a re-sync, maps every item again with
// no new Odoo record.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as restoresRoute from "@/app/api/stores/[storeId]/restores/route";
import * as exportRoute from "@/app/api/stores/[storeId]/sync/export/route";
import { clearNow, startClear } from "@/lib/clear/testing/clear-fixtures";
import {
  dropQueuedJobs,
  odooCounts,
  requestSync,
  sandboxStoreWithOdoo,
  syncNow,
  syncStates,
} from "@/lib/odoo-sync/testing/odoo-sync-fixtures";
import type { TRestoreSummary } from "@/lib/restore/schemas";
import { restoreNow } from "@/lib/restore/testing/restore-now";
import { auditRows, storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import {
  customerUpdated,
  mappingOf,
  notSyncedCustomer,
  owedOf,
  setAutoSync,
  syncRequestsOf,
  syncRuns,
} from "./testing/auto-sync-fixtures";

serveTestAppForFile();
let owner: TestUser;
let member: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  member = await addMember(owner, "member");
});

describe("automatic sync from webhooks", () => {
  it("queues an updated item once per delivery and item, only when on, behind a clear", async () => {
    const store = await sandboxStoreWithOdoo(owner, 19);
    const customer = await notSyncedCustomer(store.id);

    // Off by default: the delivery updates the index and queues nothing.
    expect((await storeRow(store.id)).autoSync).toBe(false);
    expect((await customerUpdated(store, customer))?.outcome).toBe("handled");
    expect(await syncRuns(store.id)).toHaveLength(0);

    expect((await setAutoSync(member, store, true)).status).toBe(403);
    expect((await setAutoSync(owner, store, "yes")).body.error).toMatchObject({ field: "enabled" });
    const on = await setAutoSync(owner, store, true);
    expect(on.status).toBe(200);
    expect(on.body.store.autoSync).toBe(true);
    expect((await setAutoSync(owner, store, true)).status).toBe(200);
    const audited = (await auditRows(store.id)).filter((row) => row.action === "sync.auto_sync_updated");
    expect(audited.map((row) => row.details)).toEqual([{ from: false, to: true }]);

    // On: one run for the item, whatever the repeats — the same delivery again, another delivery of the item.
    const webhookId = randomUUID();
    expect((await customerUpdated(store, customer, { webhookId }))?.outcome).toBe("handled");
    expect((await customerUpdated(store, customer, { webhookId }))?.outcome).toBe("duplicate");
    expect((await customerUpdated(store, customer))?.outcome).toBe("handled");
    const runs = await syncRuns(store.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "webhook", status: "queued", actorId: null });
    expect(runs[0]!.counters.customer).toMatchObject({ planned: 1 });
    // Asked for once the delivery committed, and no longer owed (decision 110).
    expect(await syncRequestsOf([webhookId])).toHaveLength(1);
    expect(await owedOf([webhookId])).toEqual([]);
    const before = await odooCounts(store);
    expect(await syncNow(runs[0]!.id)).toMatchObject({ status: "succeeded" });
    const mapped = await mappingOf(store.id, customer.shopifyId);
    expect(mapped).toMatchObject({ status: "synced" });
    expect((await odooCounts(store))["res.partner"]).toBe((before["res.partner"] ?? 0) + 1);

    // Synced already: an update (the mirror's own metafield write comes back as one) queues nothing.
    await dropQueuedJobs(store.id);
    expect((await customerUpdated(store, customer))?.outcome).toBe("handled");
    expect(await syncRuns(store.id)).toHaveLength(1);

    // During a clear: queued, and it waits for the clear.
    const clear = await startClear(owner, { store } as never);
    expect(clear.status).toBe(202);
    const other = await notSyncedCustomer(store.id);
    expect((await customerUpdated(store, other))?.outcome).toBe("handled");
    const waiting = (await syncRuns(store.id)).find((run) => run.status === "queued")!;
    expect(waiting).toBeDefined();
    expect(await clearNow(clear.body.run.id)).toMatchObject({ status: "succeeded" });
    expect(await syncNow(waiting.id)).toMatchObject({ status: "succeeded" });
    expect(await mappingOf(store.id, other.shopifyId)).toMatchObject({ status: "synced" });
  }, 120_000);
});

describe("an old export restored after a clear", () => {
  it("maps every item again with a re-sync, and no new Odoo record", async () => {
    const store = await sandboxStoreWithOdoo(owner, 16);
    const first = await requestSync(owner, store, { scope: "store" });
    expect(await syncNow(first.body.run.id)).toMatchObject({ status: "succeeded" });
    const synced = await syncStates(store.id);
    const counts = await odooCounts(store);
    const exported = await call(exportRoute.GET, "GET", "/x?format=csv", {
      cookie: owner.cookie,
      params: { storeId: store.id },
    });
    expect(exported.status).toBe(200);

    const clear = await startClear(owner, { store } as never);
    expect(await clearNow(clear.body.run.id)).toMatchObject({ status: "succeeded" });
    expect((await syncStates(store.id)).order).toMatchObject({ synced: 0 });

    const restore = await call(restoresRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: store.id },
      raw: exported.body as string,
      headers: { "content-type": "text/csv", "idempotency-key": randomUUID() },
    });
    expect(restore.status).toBe(202);
    const restored = await restoreNow(restore.body.run.id);
    expect(restored.status, restored.error ?? "").toBe("succeeded");
    const summary = restored.summary as TRestoreSummary;
    expect(summary.skipped).toBe(0);
    expect(await syncStates(store.id)).toEqual(synced);

    // A re-sync after it finds nothing left to create.
    const again = await requestSync(owner, store, { scope: "store" });
    expect(again.status).toBe(202);
    if (again.body.queued > 0) expect(await syncNow(again.body.run.id)).toMatchObject({ status: "succeeded" });
    expect(await syncStates(store.id)).toEqual(synced);
    expect(await odooCounts(store)).toEqual(counts);
  }, 180_000);
});
