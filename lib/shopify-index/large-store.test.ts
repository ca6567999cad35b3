// A large store on a database whose statistics know nothing of it — as on a fresh install, before
// autovacuum has looked at the tables. Planned from such statistics, a lookup of each mapping by its
// key once walked all of a store's mappings (the reconciliation of a 100k-order store ran for 21
// minutes). The bounds here are generous (minutes, for work of seconds), so only a plan that grows
// with the square of the rows can miss them; the figures themselves are bench:onboard's business.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { executeNow } from "@/lib/operations/testing/run-now";
import { runIndexRefresh } from "@/lib/operations/kinds/index-refresh";
import { runSeed } from "@/lib/operations/kinds/seed";
import { SANDBOX_STORE_SIZES } from "@/lib/sandbox/shopify/seed/seed-sandbox-store";
import { addSandboxStoreAs } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { getSyncOverview } from "@/lib/sync/get-sync-overview";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";
import { reconcileSyncCounts } from "./reconcile-sync-counts";

serveTestAppForFile();
let owner: TestUser;
const TABLES = ["shopify_index_items", "sync_mappings"] as const;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  // Autovacuum must not mend the statistics in the middle of a test.
  for (const table of TABLES)
    await db.execute(sql`alter table ${sql.identifier(table)} set (autovacuum_enabled = false)`);
});
afterAll(async () => {
  for (const table of TABLES) await db.execute(sql`alter table ${sql.identifier(table)} reset (autovacuum_enabled)`);
});

/** The tables' statistics as a fresh database has them: none (PostgreSQL 18's pg_clear_*_stats). */
async function forgetStatistics() {
  for (const table of TABLES) {
    await db.execute(sql`select pg_clear_relation_stats('public', ${table})`);
    const { rows } = await db.execute<{ attname: string }>(sql`
      select attname from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`);
    for (const { attname } of rows)
      await db.execute(sql`select pg_clear_attribute_stats('public', ${table}, ${attname}, false)`);
  }
}

const runOf = async (storeId: string, kind: "seed" | "index_refresh") => {
  const [run] = await db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.storeId, storeId), eq(operationRuns.kind, kind)));
  return run!;
};

describe("a large store on stale statistics", () => {
  it("is seeded and read whole, the overview's counts agreeing with the rows", async () => {
    const store = await addSandboxStoreAs(owner, "large");
    const target = { storeId: store.id, organizationId: store.organizationId };
    await forgetStatistics();
    expect(await executeNow((await runOf(store.id, "seed")).id, runSeed)).toMatchObject({ status: "succeeded" });
    await forgetStatistics();
    const refresh = await executeNow((await runOf(store.id, "index_refresh")).id, runIndexRefresh);
    expect(refresh).toMatchObject({ status: "succeeded", error: null });

    const sizes = SANDBOX_STORE_SIZES.large;
    const { overview } = await getSyncOverview(target);
    expect(overview.types.product.total).toBe(sizes.products);
    expect(overview.types.customer.total).toBe(sizes.customers);
    expect(overview.types.order.total).toBe(sizes.orders);
    const { rows } = await db.execute<{ resource_type: string; synced: number; failed: number }>(sql`
      select resource_type, count(*) filter (where status = 'synced')::int as synced, count(*) filter (where status = 'failed')::int as failed
      from sync_mappings where store_id = ${store.id} group by resource_type`);
    for (const row of rows) {
      const type = row.resource_type as (typeof RESOURCE_TYPES)[number];
      expect(overview.types[type]).toMatchObject({ synced: row.synced, failed: row.failed });
    }
    expect(rows.reduce((sum, row) => sum + row.synced, 0)).toBeGreaterThan(50_000);
  }, 600_000);

  it("reconciles 125k rows with no statistics at all, and finds the drift", async () => {
    const store = await addSandboxStoreAs(owner, "small");
    const storeId = store.id;
    // Rows written straight in, as a large store's refresh leaves them: 125k items, 81k mappings.
    await db.transaction(async (tx) => {
      await tx.execute(sql`select synco_lock_store_sync(${storeId})`);
      await tx.execute(sql`
        insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, status, synced_at, mirror_state)
        select ${storeId}, t, g, g, case when g % 20 = 0 then 'failed' else 'synced' end, now(), 'done'
        from (values ('product', 5000), ('customer', 20000), ('order', 100000)) v(t, n), generate_series(1, (n * 0.65)::int) g`);
    });
    await forgetStatistics();
    await db.transaction(async (tx) => {
      await tx.execute(sql`select synco_lock_store_sync(${storeId})`);
      await tx.execute(sql`
        insert into shopify_index_items (store_id, resource_type, shopify_id, title, shopify_updated_at)
        select ${storeId}, t, g, 'item ' || g, now()
        from (values ('product', 5000), ('customer', 20000), ('order', 100000)) v(t, n), generate_series(1, n) g`);
    });
    // Drift on purpose: statuses no trigger would leave.
    await db.execute(sql`set session_replication_role = replica`);
    await db.execute(sql`
      update shopify_index_items set sync_status = 'failed'
      where store_id = ${storeId} and resource_type = 'order' and shopify_id between 1 and 300`);
    await db.execute(sql`set session_replication_role = origin`);
    await forgetStatistics();

    const drift = await reconcileSyncCounts({ storeId });
    expect(drift.statusesFixed).toBe(300 - 15);
    const { overview } = await getSyncOverview({ storeId, organizationId: store.organizationId });
    expect(overview.types.order).toMatchObject({ total: 100_000, synced: 61_750, failed: 3_250 });
    expect(overview.types.customer).toMatchObject({ total: 20_000, synced: 12_350, failed: 650 });
  }, 300_000);
});
