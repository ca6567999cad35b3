// Mirror rounds as operation runs: a round with work opens a run that counts each row once as it
// is marked written, a round with nothing to write records nothing, and a run whose job died is
// adopted by the store's next round instead of being left open.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { operationRuns } from "@/db/schema/operations";
import { createRun } from "@/lib/jobs/enqueue-run";
import { upsertMappings } from "@/lib/mappings/upsert-mappings";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { connectSeededShop, sandboxIds } from "@/lib/sync/testing/sync-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { runMirrorJob } from "./mirror";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const job = () => ({ id: randomUUID(), final: true });
const mirrorRuns = (storeId: string) =>
  db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.storeId, storeId), eq(operationRuns.kind, "mirror")));

async function storeWithPendingMappings(products: number, customers: number) {
  const shop = await connectSeededShop(owner, { products, customers });
  const scope = { storeId: shop.store.id, organizationId: shop.store.organizationId };
  const mappings = [
    ...(await sandboxIds(shop.shopId, "product")).map((id) => ({
      resourceType: "product" as const,
      shopifyId: id,
      odooId: id,
      status: "synced" as const,
    })),
    ...(await sandboxIds(shop.shopId, "customer")).map((id) => ({
      resourceType: "customer" as const,
      shopifyId: id,
      odooId: id,
      status: "synced" as const,
    })),
  ];
  await upsertMappings({ ...scope, enqueueMirror: false, mappings });
  return { shop, scope };
}

describe("mirror rounds", () => {
  it("open a run with the pending rows planned, count each row as it is marked written, and record nothing when idle", async () => {
    const { scope } = await storeWithPendingMappings(30, 12);
    await runMirrorJob(scope, job());
    const [run] = await mirrorRuns(scope.storeId);
    expect(run).toMatchObject({
      status: "succeeded",
      trigger: "mapping_write",
      actorEmail: null,
      strategy: "paged",
      counters: {
        product: { planned: 30, done: 30, failed: 0 },
        customer: { planned: 12, done: 12, failed: 0 },
      },
      summary: { written: 42, refused: 0 },
    });
    const pending = await db
      .select()
      .from(syncMappings)
      .where(and(eq(syncMappings.storeId, scope.storeId), eq(syncMappings.mirrorState, "pending")));
    expect(pending).toEqual([]);
    await runMirrorJob(scope, job());
    expect(await mirrorRuns(scope.storeId)).toHaveLength(1);
  });

  it("a run left open by a dead job is adopted by the store's next round, not left running", async () => {
    const { scope } = await storeWithPendingMappings(8, 0);
    const { run: orphan } = await db.transaction((tx) =>
      createRun("mirror", scope, {
        tx,
        trigger: "mapping_write",
        job: { name: "mappings.mirror", id: randomUUID() },
      }),
    );
    await runMirrorJob(scope, job());
    const runs = await mirrorRuns(scope.storeId);
    expect(runs.map((run) => [run.id, run.status])).toEqual([[orphan.id, "succeeded"]]);
    expect(runs[0]!.counters.product).toMatchObject({ planned: 8, done: 8 });
  });
});
