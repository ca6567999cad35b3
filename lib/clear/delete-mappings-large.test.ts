// The clear's database side on a large store, planned from no statistics at all (a fresh install):
// every mapping of the type goes, every indexed item of the type shows Not synced, the counters
// agree with the rows, a mapping written behind the cursor meanwhile is caught by the second sweep,
// and nothing of the store's other types or of another store is touched; cut off in the middle
// with two batches in flight, it leaves a checkpoint the resumed clear continues from, counting
// each mapping once. Correctness only; the time is bench:clear's business (docs/benchmarks.md).
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncStatusCounts } from "@/db/schema/mappings";
import { reconcileSyncCounts } from "@/lib/shopify-index/reconcile-sync-counts";
import { createOrg, signUp } from "@/lib/testing/accounts";
import { deleteMappings } from "./delete-mappings";

const TABLES = ["shopify_index_items", "sync_mappings"] as const;
const INDEXED = 120_000;
const MAPPED = 110_000;
const GONE_FROM_SHOPIFY = 5_000;
let organizationId: string;

beforeAll(async () => {
  const owner = await signUp();
  organizationId = (await createOrg(owner)).id;
  for (const table of TABLES)
    await db.execute(sql`alter table ${sql.identifier(table)} set (autovacuum_enabled = false)`);
});
afterAll(async () => {
  for (const table of TABLES) await db.execute(sql`alter table ${sql.identifier(table)} reset (autovacuum_enabled)`);
});

async function forgetStatistics() {
  for (const table of TABLES) {
    await db.execute(sql`select pg_clear_relation_stats('public', ${table})`);
    const { rows } = await db.execute<{ attname: string }>(sql`
      select attname from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`);
    for (const { attname } of rows)
      await db.execute(sql`select pg_clear_attribute_stats('public', ${table}, ${attname}, false)`);
  }
}

async function newStore() {
  const storeId = randomUUID();
  await db.execute(sql`
    insert into stores (id, organization_id, shop_domain, kind, connection_method, name, api_version, status)
    values (${storeId}, ${organizationId}, ${`large-clear-${storeId.slice(0, 8)}.myshopify.com`}, 'sandbox', 'sandbox', 'Large clear', '2026-01', 'connected')`);
  return storeId;
}

/** Index rows 1..indexed; mapping rows 1..mapped (every 7th failed) and past the index (items deleted in Shopify). */
async function fill(
  storeId: string,
  type: string,
  { indexed, mapped, gone = 0 }: { indexed: number; mapped: number; gone?: number },
) {
  await db.execute(sql`
    insert into shopify_index_items (store_id, resource_type, shopify_id, title, email, order_name, shopify_updated_at)
    select ${storeId}, ${type}, g, 'Item ' || g, 'buyer' || g || '@example.com', '#' || g, now() from generate_series(1, ${indexed}::int) g`);
  await db.execute(sql`
    insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, status, last_error, synced_at, mirror_state)
    select ${storeId}, ${type}, g, g + 7, case when g % 7 = 0 then 'failed' else 'synced' end,
      case when g % 7 = 0 then 'refused' end, now(), 'done'
    from generate_series(1, ${mapped}::int) g
    union all
    select ${storeId}, ${type}, g, g + 7, 'synced', null, now(), 'done'
    from generate_series(${indexed + 1}::int, ${indexed + gone}::int) g`);
}

const statuses = async (storeId: string, type: string) => {
  const { rows } = await db.execute<{ status: string | null; n: number }>(sql`
    select sync_status as status, count(*)::int as n from shopify_index_items
    where store_id = ${storeId} and resource_type = ${type} group by sync_status order by sync_status`);
  return Object.fromEntries(rows.map((row) => [row.status ?? "not synced", row.n]));
};
const mappingCount = async (storeId: string, type: string) => {
  const { rows } = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from sync_mappings where store_id = ${storeId} and resource_type = ${type}`);
  return rows[0]!.n;
};
const counters = async (storeId: string, type: string) => {
  const [row] = await db
    .select()
    .from(syncStatusCounts)
    .where(and(eq(syncStatusCounts.storeId, storeId), eq(syncStatusCounts.resourceType, type as "order")));
  return {
    items: row?.items,
    itemsSynced: row?.itemsSynced,
    itemsFailed: row?.itemsFailed,
    mappingsSynced: row?.mappingsSynced,
    mappingsFailed: row?.mappingsFailed,
  };
};

describe("deleting a large store's mappings of one type", () => {
  it("leaves every item of the type Not synced, the counters exact, and everything else as it was", async () => {
    const cleared = await newStore();
    const other = await newStore();
    await fill(cleared, "order", { indexed: INDEXED, mapped: MAPPED, gone: GONE_FROM_SHOPIFY });
    await fill(cleared, "product", { indexed: 5_000, mapped: 5_000 });
    await fill(other, "order", { indexed: 20_000, mapped: 20_000 });
    const failedOrders = Math.floor(MAPPED / 7);
    expect(await statuses(cleared, "order")).toEqual({
      failed: failedOrders,
      synced: MAPPED - failedOrders,
      "not synced": INDEXED - MAPPED,
    });
    // Any other writer's delete still resets the item's status through the trigger.
    await db.execute(
      sql`delete from sync_mappings where store_id = ${other} and resource_type = 'order' and shopify_id = 1`,
    );
    const productsBefore = await statuses(cleared, "product");
    const otherBefore = await statuses(other, "order");
    expect(otherBefore["not synced"]).toBe(1);
    await forgetStatistics();

    // A mapping written meanwhile behind the cursor (an import, a webhook's sync): the second sweep takes it.
    let batches = 0;
    let written: Promise<unknown> | null = null;
    let insertedAt = 0;
    const recorded: number[] = [];
    const deleted = await deleteMappings({
      storeId: cleared,
      type: "order",
      after: -1,
      beforeBatch: () => {
        if (++batches === 3)
          written = db
            .execute(
              sql`
            insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, status, synced_at, mirror_state)
            values (${cleared}, 'order', 5, 12, 'synced', now(), 'pending')`,
            )
            .then(() => {
              // (started now: a Drizzle query runs when it is awaited or then'd)
              insertedAt = batches;
            });
      },
      onBatch: async (_tx, count) => {
        recorded.push(count);
      },
    });
    await written;
    // It waited for the store's lock and committed while the first sweep was still going.
    expect(insertedAt).toBeGreaterThanOrEqual(3);
    expect(insertedAt).toBeLessThan(12);
    expect(deleted).toBe(MAPPED + GONE_FROM_SHOPIFY + 1);
    expect(recorded.reduce((sum, count) => sum + count, 0)).toBe(deleted);

    expect(await mappingCount(cleared, "order")).toBe(0);
    expect(await statuses(cleared, "order")).toEqual({ "not synced": INDEXED });
    expect(await counters(cleared, "order")).toEqual({
      items: INDEXED,
      itemsSynced: 0,
      itemsFailed: 0,
      mappingsSynced: 0,
      mappingsFailed: 0,
    });
    expect(await statuses(cleared, "product")).toEqual(productsBefore);
    expect(await mappingCount(cleared, "product")).toBe(5_000);
    expect(await statuses(other, "order")).toEqual(otherBefore);
    expect(await mappingCount(other, "order")).toBe(19_999);
    // Recomputed from the rows, nothing differs from what the triggers and the clear kept.
    expect(await reconcileSyncCounts({ storeId: cleared })).toEqual({ statusesFixed: 0, countersFixed: 0 });
    expect(await reconcileSyncCounts({ storeId: other })).toEqual({ statusesFixed: 0, countersFixed: 0 });
  }, 600_000);
});

describe("a clear's batches cut off in the middle (two ranges in flight)", () => {
  it("leave a checkpoint from which the resumed clear counts each mapping once, the counters exact", async () => {
    const storeId = await newStore();
    await fill(storeId, "customer", { indexed: 60_000, mapped: 55_000, gone: 2_000 });
    const total = 57_000;
    // The run's checkpoint as the clear keeps it: written in each batch's own transaction.
    const table = sql.identifier(`clear_checkpoint_${storeId.replaceAll("-", "")}`);
    await db.execute(sql`create table ${table} (after bigint not null, deleted int not null)`);
    await db.execute(sql`insert into ${table} values (-1, 0)`);
    const checkpoint = async () =>
      (await db.execute<{ after: string; deleted: number }>(sql`select * from ${table}`)).rows[0]!;
    const recordIn = (failAt: number) => {
      let calls = 0;
      return async (
        tx: Parameters<Parameters<typeof deleteMappings>[0]["onBatch"]>[0],
        count: number,
        last: number,
      ) => {
        // The batch after it is in flight meanwhile; this failure rolls both back, as a crash would.
        if (++calls === failAt) throw new Error("worker gone");
        await tx.execute(sql`update ${table} set after = ${last}, deleted = deleted + ${count}`);
      };
    };
    const consistent = async () => {
      const { deleted } = await checkpoint();
      expect(await mappingCount(storeId, "customer")).toBe(total - deleted);
      expect(await reconcileSyncCounts({ storeId })).toEqual({ statusesFixed: 0, countersFixed: 0 });
    };

    await expect(
      deleteMappings({ storeId, type: "customer", after: -1, batchSize: 4_000, onBatch: recordIn(4) }),
    ).rejects.toThrow("worker gone");
    const cut = await checkpoint();
    expect(cut.deleted).toBe(12_000);
    await consistent();
    // A second cut, from the checkpoint, at another batch.
    await expect(
      deleteMappings({ storeId, type: "customer", after: Number(cut.after), batchSize: 4_000, onBatch: recordIn(3) }),
    ).rejects.toThrow("worker gone");
    expect((await checkpoint()).deleted).toBe(20_000);
    await consistent();

    const resumed = await deleteMappings({
      storeId,
      type: "customer",
      after: Number((await checkpoint()).after),
      batchSize: 4_000,
      onBatch: recordIn(0),
    });
    expect(resumed).toBe(total - 20_000);
    expect((await checkpoint()).deleted).toBe(total);
    await consistent();
    expect(await statuses(storeId, "customer")).toEqual({ "not synced": 60_000 });
    await db.execute(sql`drop table ${table}`);
  }, 300_000);
});
