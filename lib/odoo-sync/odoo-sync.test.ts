// The sync to Odoo against the sandbox store and the sandbox Odoo over real HTTP, Odoo 16 and 19:
// every type synced (orders confirmed and invoiced), a clear, then a re-sync that maps every item
// again and leaves the number of Odoo records unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { clearNow, startClear } from "@/lib/clear/testing/clear-fixtures";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import {
  failedMappings,
  odooCounts,
  requestSync,
  sandboxStoreWithOdoo,
  syncNow,
  syncStates,
} from "./testing/odoo-sync-fixtures";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

describe.each([16, 19] as const)("sync to Odoo %i", (version) => {
  it("syncs every type, and after a clear re-links every item without a new Odoo record", async () => {
    const store = await sandboxStoreWithOdoo(owner, version);
    const res = await requestSync(owner, store, { scope: "store" });
    expect(res.status).toBe(202);
    const run = await syncNow(res.body.run.id);
    expect(run).toMatchObject({ status: "succeeded", kind: "sync", error: null });
    expect(await failedMappings(store.id)).toEqual([]);
    const states = await syncStates(store.id);
    for (const type of ["customer", "product", "order"])
      expect(states[type]).toMatchObject({ failed: 0, not_synced: 0 });
    const before = await odooCounts(store);

    const clear = await startClear(owner, { store } as never, {});
    expect(clear.status).toBe(202);
    expect(await clearNow(clear.body.run.id)).toMatchObject({ status: "succeeded" });
    const cleared = await syncStates(store.id);
    for (const type of ["customer", "product", "order"]) expect(cleared[type]).toMatchObject({ synced: 0 });

    const again = await requestSync(owner, store, { scope: "store" });
    const rerun = await syncNow(again.body.run.id);
    expect(rerun).toMatchObject({ status: "succeeded" });
    const after = await syncStates(store.id);
    for (const type of ["customer", "product", "order"])
      expect(after[type]).toMatchObject({ failed: 0, not_synced: 0, synced: states[type]!.synced });
    expect(await odooCounts(store)).toEqual(before);
  }, 180_000);
});
