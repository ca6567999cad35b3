// The sync to Odoo against the sandbox store and the sandbox Odoo over real HTTP, Odoo 16 and 19:
// every type synced (orders confirmed and invoiced), a clear, then a re-sync that maps every item
// again and leaves the number of Odoo records unchanged.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { refreshIndexNow } from "@/lib/operations/testing/run-now";
import { insertSandboxOdooConnection } from "@/lib/stores/odoo/odoo-connection";
import { openOdooApiKey } from "@/lib/stores/odoo/odoo-connection-secret";
import { connectSeededShop } from "@/lib/sync/testing/sync-helpers";
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
    const empty = await odooCounts(store);
    const res = await requestSync(owner, store, { scope: "store" });
    expect(res.status).toBe(202);
    const run = await syncNow(res.body.run.id);
    expect(run).toMatchObject({ status: "succeeded", kind: "sync", error: null });
    expect(await failedMappings(store.id)).toEqual([]);
    const states = await syncStates(store.id);
    for (const type of ["customer", "product", "order"])
      expect(states[type]).toMatchObject({ failed: 0, not_synced: 0 });
    const before = await odooCounts(store);
    // The run's summary counts what it created in Odoo (one record per item: the Odoo counts grew by
    // as much) and what it linked to records the sandbox Odoo already had.
    const added = (model: string) => (before[model] ?? 0) - (empty[model] ?? 0);
    expect(run.summary).toMatchObject({
      created: { customer: added("res.partner"), product: added("product.template"), order: added("sale.order") },
      failed: { customer: 0, product: 0, order: 0 },
    });
    // The sandbox store comes with some items synced already: the run counts the ones it took.
    const first = run.summary as { linked: Record<string, number>; created: Record<string, number> };
    expect(first.created.order).toBeGreaterThan(0);
    for (const type of ["customer", "product", "order"])
      expect(first.linked[type]! + first.created[type]!, type).toBe(run.counters[type]!.done);

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
    // And the re-sync's summary says so: every item linked to the record Odoo had, none created.
    expect(rerun.summary).toMatchObject({
      linked: { customer: states.customer!.synced, product: states.product!.synced, order: states.order!.synced },
      created: { customer: 0, product: 0, order: 0 },
      failed: { customer: 0, product: 0, order: 0 },
    });
  }, 180_000);
});

describe("mapping lost with a new store connection", () => {
  it("a store connected anew to the same Odoo re-links every item, creating nothing", async () => {
    const first = await sandboxStoreWithOdoo(owner, 18);
    const run = await syncNow((await requestSync(owner, first, { scope: "store" })).body.run.id);
    expect(run.status).toBe("succeeded");
    const before = await odooCounts(first);

    // The same shop's items (the sandbox seeds deterministically), connected as a new store without
    // any mapping or Shopify sync state, whose Odoo connection is the first store's Odoo.
    const shop = await connectSeededShop(owner, { products: 50, customers: 100, orders: 200 });
    const [connection] = await db.select().from(storeOdooConnections).where(eq(storeOdooConnections.storeId, first.id));
    await db.transaction((tx) =>
      insertSandboxOdooConnection(tx, shop.store, {
        path: connection!.url,
        database: connection!.database,
        login: connection!.login,
        apiKey: openOdooApiKey(connection!),
      }),
    );
    await refreshIndexNow({ storeId: shop.store.id, organizationId: shop.store.organizationId });
    const again = await syncNow((await requestSync(owner, shop.store, { scope: "store" })).body.run.id);
    expect(again.status).toBe("succeeded");
    const states = await syncStates(shop.store.id);
    expect(again.summary).toMatchObject({
      linked: { customer: states.customer!.synced, product: states.product!.synced, order: states.order!.synced },
      created: { customer: 0, product: 0, order: 0 },
    });
    for (const type of ["customer", "product", "order"])
      expect(states[type]).toMatchObject({ failed: 0, not_synced: 0 });
    expect(await odooCounts(first)).toEqual(before);
  }, 180_000);
});
