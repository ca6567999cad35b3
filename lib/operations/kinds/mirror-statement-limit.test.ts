// A mirror round whose statement runs past its limit — here marking its rows written while another
// session holds the store's sync lock for longer than a round may wait — fails that statement
// instead of waiting for ever: the attempt is retried (the run waits, saying why), the last one
// fails the run with a reason a merchant can read, and the rows stay pending for the next round.
import "@/lib/shopify-index/testing/short-statement-limits";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { operationRuns } from "@/db/schema/operations";
import { isStatementTimeout } from "@/db/statement-timeout";
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

const TIMEOUT_MESSAGE = "A database step took longer than its time limit and was stopped, so nothing of it was kept.";

const mirrorRuns = (storeId: string) =>
  db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.storeId, storeId), eq(operationRuns.kind, "mirror")));

const mirrorStates = async (storeId: string) =>
  (await db.select({ state: syncMappings.mirrorState }).from(syncMappings).where(eq(syncMappings.storeId, storeId)))
    .map((row) => row.state)
    .sort();

describe("a mirror statement past its limit", () => {
  it("is retried, fails the run with a readable reason on the last attempt, and the next round writes the rows", async () => {
    const shop = await connectSeededShop(owner, { products: 12 });
    const scope = { storeId: shop.store.id, organizationId: shop.store.organizationId };
    const ids = await sandboxIds(shop.shopId, "product");
    await upsertMappings({
      ...scope,
      enqueueMirror: false,
      mappings: ids.map((id) => ({
        resourceType: "product" as const,
        shopifyId: id,
        odooId: id,
        status: "synced" as const,
      })),
    });

    // Another session holds the store's sync lock for longer than a round's statement may wait.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("begin");
    await blocker.query("select synco_lock_store_sync($1)", [scope.storeId]);
    try {
      // A first attempt: the statement is cut, the job throws so that pg-boss retries it.
      const retried = await runMirrorJob(scope, { id: randomUUID(), final: false }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isStatementTimeout(retried)).toBe(true);
      const [waiting] = await mirrorRuns(scope.storeId);
      expect(waiting).toMatchObject({ status: "queued", error: TIMEOUT_MESSAGE });

      // The last attempt adopts the same run and fails it, saying why.
      await runMirrorJob(scope, { id: randomUUID(), final: true });
      const runs = await mirrorRuns(scope.storeId);
      expect(runs.map((run) => [run.id, run.status, run.error])).toEqual([[waiting!.id, "failed", TIMEOUT_MESSAGE]]);
    } finally {
      await blocker.query("rollback");
      await blocker.end();
    }
    // Nothing of the cut statements was kept: every row still waits for Shopify.
    expect(await mirrorStates(scope.storeId)).toEqual(Array(12).fill("pending"));

    // Once the database answers again, the store's next round writes them.
    await runMirrorJob(scope, { id: randomUUID(), final: true });
    expect(await mirrorStates(scope.storeId)).toEqual(Array(12).fill("done"));
    const after = await mirrorRuns(scope.storeId);
    expect(after.map((run) => run.status).sort()).toEqual(["failed", "succeeded"]);
  }, 120_000);
});
