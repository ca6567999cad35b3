// A worker killed outright (SIGKILL) in the middle of a sync: another worker resumes the run from
// the store's queue, and nothing is created twice in Odoo — the batch cut in the middle is redone,
// and re-linking by natural key finds what the killed worker had already created.
import "@/lib/operations/testing/quick-recovery-env";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { setSandboxOdooFaults } from "@/lib/sandbox/odoo/faults/database-faults";
import { eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { startWorkerProcess } from "@/lib/testing/child-processes";
import { stopAfterAll } from "@/lib/testing/track-processes";
import {
  odooCounts,
  odooDatabaseOf,
  requestSync,
  sandboxStoreWithOdoo,
  syncStates,
} from "./testing/odoo-sync-fixtures";

serveTestAppForFile();
let owner: TestUser;
const track = stopAfterAll();
const env = { SYNCO_SYNC_BATCH_SIZE: "10" };

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const runRow = async (runId: string) => (await db.select().from(operationRuns).where(eq(operationRuns.id, runId)))[0]!;

/** Records of a model in the database sharing a key value: duplicates a sync must never make. */
async function duplicates(databaseId: number, model: string, key: string) {
  const { rows } = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select lower(vals->>${key}) from sandbox_odoo_records
      where database_id = ${databaseId} and model = ${model} and vals->>${key} is not null
      group by 1 having count(*) > 1) as d`);
  return Number(rows[0]!.n);
}

describe("a worker killed in the middle of a sync", () => {
  it("leaves a run another worker finishes, with nothing created twice in Odoo", async () => {
    const store = await sandboxStoreWithOdoo(owner, 19);
    const database = await odooDatabaseOf(store.id);
    await setSandboxOdooFaults({ databaseId: database.id, faults: { latencyMs: 60 } });
    const first = await track(startWorkerProcess({ env }));
    const res = await requestSync(owner, store, { scope: "store" });
    expect(res.status).toBe(202);
    const runId = res.body.run.id as string;
    await eventually(async () => {
      const row = await runRow(runId);
      return row.status === "running" && (row.counters.order?.done ?? 0) >= 20;
    }, 120_000);
    first.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    expect((await runRow(runId)).counters.order!.done).toBeLessThan(90);

    await track(startWorkerProcess({ env }));
    const finished = await eventually(async () => {
      const row = await runRow(runId);
      return row.status !== "running" && row.status !== "queued" && row;
    }, 180_000);
    expect(finished).toMatchObject({ status: "succeeded", attempt: 2, error: null });
    const states = await syncStates(store.id);
    for (const type of ["customer", "product", "order"])
      expect(states[type]).toMatchObject({ failed: 0, not_synced: 0 });
    const counts = await odooCounts(store);
    // One sales order and one invoice per Shopify order; no two contacts, products or orders share a key.
    expect(counts["sale.order"]).toBe(states.order!.synced);
    expect(counts["account.move"]).toBe(states.order!.synced);
    expect(await duplicates(database.id, "sale.order", "client_order_ref")).toBe(0);
    expect(await duplicates(database.id, "res.partner", "email")).toBe(0);
    expect(await duplicates(database.id, "product.product", "default_code")).toBe(0);
  }, 300_000);
});
