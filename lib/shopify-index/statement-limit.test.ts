// A refresh whose statement runs past its limit — here a batch kept waiting for the store's sync
// lock — fails that batch instead of waiting for ever, and the run ends failed with a reason a
// merchant can read; Retry (resume) then finishes it once the database answers again.
import "./testing/short-statement-limits";
import { sql } from "drizzle-orm";
import pg from "pg";
import { db } from "@/db/client";
import { beforeAll, describe, expect, it } from "vitest";
import * as resumeRoute from "@/app/api/stores/[storeId]/operations/[runId]/resume/route";
import { runIndexRefresh } from "@/lib/operations/kinds/index-refresh";
import { executeNow, refreshIndexNow } from "@/lib/operations/testing/run-now";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { getSyncOverview } from "@/lib/sync/get-sync-overview";
import { connectSeededShop } from "@/lib/sync/testing/sync-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

describe("a statement past its limit", () => {
  it("fails the refresh with a readable reason, and Retry finishes it", async () => {
    const shop = await connectSeededShop(owner, { products: 20, customers: 30, orders: 40 });
    const target = { storeId: shop.store.id, organizationId: shop.store.organizationId };
    // Another session holds the store's sync lock for longer than a batch may wait.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("begin");
    await blocker.query("select synco_lock_store_sync($1)", [target.storeId]);
    let failed;
    try {
      failed = await refreshIndexNow(target, { final: true });
    } finally {
      await blocker.query("rollback");
      await blocker.end();
    }
    expect(failed).toMatchObject({
      status: "failed",
      error: "A database step took longer than its time limit and was stopped, so nothing of it was kept.",
    });
    // Nothing of the cut batch was kept.
    expect((await getSyncOverview(target)).overview.types.product.total).toBe(0);

    const resumed = await call(resumeRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: target.storeId, runId: failed.id },
    });
    expect(resumed.status).toBe(202);
    const finished = await executeNow(failed.id, runIndexRefresh);
    expect(finished).toMatchObject({ status: "succeeded", error: null, resumes: 1 });
    const { overview } = await getSyncOverview(target);
    expect([overview.types.product.total, overview.types.customer.total, overview.types.order.total]).toEqual([
      20, 30, 40,
    ]);
    const { rows } = await db.execute<{ setting: string }>(sql`select current_setting('statement_timeout') as setting`);
    // The limit was the job's transactions' own: the pool's sessions keep the server's default.
    expect(rows[0]!.setting).toBe("0");
  }, 120_000);
});
