// `npm run bench:clear`: how fast Clear Synco Data empties a store, end to end. Against the
// standalone sandbox in its own process (real HTTP, Standard plan: 100 points/s, bucket 2,000),
// one `npm run worker` process executes each clear exactly as in production (the job, the
// checkpoints, the verification). Stores of 1k, 10k and 100k mapped items (a third each orders,
// products, customers, every one with its `sync` metafield): paged in calls of 250 and of 25,
// and bulk; the naive baseline (one metafield per metafieldsDelete, sequential) on 1k items with
// its projection to 100k, measured in the same run. Then the database side on its own: 1M mapping
// rows of one store, settled (vacuumed, checkpointed) as a store's rows are by the time it is
// cleared, deleted by the clear's batches while another store's overview and list reads are timed
// back to back (p95), against the same reads with nothing deleting.
//   npm run bench:clear -- [--sizes 1000,10000,100000] [--paged25 1000,10000] [--naive 1000] [--rows 1000000]
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../lib/runtime/database";
import { loadSecrets } from "../lib/runtime/secrets";
import { sampleRss, startSandboxProcess } from "./bench/sandbox-process";
import { startWorkerProcess } from "./bench/worker-process";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    paged25: { type: "string", default: "1000,10000" },
    naive: { type: "string", default: "1000" },
    rows: { type: "string", default: "1000000" },
  },
});
const list = (text: string) => text.split(",").filter(Boolean).map(Number);
const SIZES = list(values.sizes);
const PAGED25 = list(values.paged25);
const NAIVE = Number(values.naive);
const ROWS = Number(values.rows);
const root = path.resolve(import.meta.dirname, "..");
const RESTORE_RATE = 100;

type Case = { strategy: "paged" | "bulk"; size: number; limit: 250 | 25 };
type Row = Case & {
  seconds: number;
  deleteSeconds: number;
  itemsPerSecond: number;
  apiCalls: number;
  points: number;
  rssMiB: number;
  status: string;
  note: string;
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const dataDir = path.resolve(root, process.env.SYNCO_DATA_DIR ?? ".data");
  Object.assign(process.env, await loadSecrets({ dataDir, production: false }));
  const database = await openDatabase({ dataDir, databaseName: "synco_bench_clear" });
  process.env.DATABASE_URL = database.url;
  const sandbox = await startSandboxProcess({ databaseUrl: database.url, root });
  process.env.SYNCO_APP_URL = sandbox.url;
  const worker = await startWorkerProcess({ databaseUrl: database.url, appUrl: sandbox.url, root });
  const { db, closeDb } = await import("../db/client");
  const organizationId = randomUUID();
  await db.execute(
    sql`insert into organizations (id, name, slug) values (${organizationId}, 'Bench clear', ${`bench-clear-${organizationId}`})`,
  );
  const rows: Row[] = [];
  try {
    const cases: Case[] = [
      ...SIZES.map((size) => ({ strategy: "paged" as const, size, limit: 250 as const })),
      ...PAGED25.map((size) => ({ strategy: "paged" as const, size, limit: 25 as const })),
      ...SIZES.map((size) => ({ strategy: "bulk" as const, size, limit: 250 as const })),
    ];
    for (const benchCase of cases) {
      const row = await runCase(benchCase, organizationId, worker.pid);
      rows.push(row);
      console.error(
        `${benchCase.strategy}/${benchCase.limit} ${benchCase.size}: ${row.seconds.toFixed(1)} s ${row.status}`,
      );
    }
    const naive = NAIVE > 0 ? await runNaive(NAIVE, organizationId) : { size: 0, seconds: 0, calls: 0, points: 0 };
    console.error(`naive ${NAIVE}: ${naive.seconds.toFixed(1)} s`);
    const database1M = ROWS > 0 ? await runDatabase(ROWS, organizationId) : null;
    if (database1M) console.error(`database ${ROWS}: ${database1M.seconds.toFixed(1)} s`);
    printReport(rows, naive, database1M, loadBefore);
  } finally {
    await worker.stop();
    await sandbox.stop();
    const { stopBoss } = await import("../lib/jobs/boss");
    await stopBoss();
    await closeDb();
    await database.stop();
  }
}

/** A store on a fresh sandbox shop (Standard plan) with `size` items, each mapped and mirrored. */
async function mappedStore(size: number, organizationId: string, strategy: "paged" | "bulk" | "auto", limit = 250) {
  const { db } = await import("../db/client");
  const { createSandboxShop, seedSandboxStore, setSandboxShopLimits } =
    await import("../lib/sandbox/shopify/provisioning");
  const { encryptCredentials } = await import("../lib/stores/store-credentials");
  const scopes = [
    "read_products",
    "write_products",
    "read_customers",
    "write_customers",
    "read_orders",
    "write_orders",
    "read_all_orders",
  ];
  const domain = `bench-clear-${randomUUID().slice(0, 8)}.myshopify.com`;
  const { shop, accessToken } = await createSandboxShop({ domain, name: "Bench clear", plan: "standard", scopes });
  const third = Math.round(size / 3);
  await seedSandboxStore({
    shopId: shop.id,
    sizes: { products: third, customers: third, orders: size - 2 * third, metafields: 0 },
    syncedShare: 1,
    failedShare: 0,
  });
  if (limit !== 250) await setSandboxShopLimits({ shopId: shop.id, metafieldsDeleteLimit: limit });
  const storeId = randomUUID();
  const sealed = encryptCredentials(storeId, { accessToken, scopes });
  await db.execute(sql`
    insert into stores (id, organization_id, shop_domain, kind, connection_method, name, api_version, status,
      clear_strategy, credentials_ciphertext, credentials_key_id, connected_at)
    values (${storeId}, ${organizationId}, ${domain}, 'sandbox', 'sandbox', 'Bench clear', '2026-01', 'connected',
      ${strategy}, ${sealed.credentialsCiphertext}, ${sealed.credentialsKeyId}, now())`);
  await db.execute(sql`
    insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, status, synced_at, mirror_state, mirrored_at)
    select ${storeId}, lower(owner_type), owner_id, owner_id + 7, 'synced', now(), 'done', now()
    from sandbox_shopify_metafields where shop_id = ${shop.id} and namespace = 'synco' and key = 'sync'`);
  await db.execute(sql`analyze sync_mappings`);
  return { storeId, shop, accessToken };
}

async function runCase(benchCase: Case, organizationId: string, workerPid: number): Promise<Row> {
  const { db } = await import("../db/client");
  const { startRun } = await import("../lib/operations/start-run");
  const { storeId } = await mappedStore(benchCase.size, organizationId, benchCase.strategy, benchCase.limit);
  const rss = sampleRss(workerPid);
  const started = performance.now();
  const { run } = await startRun({
    kind: "clear",
    storeId,
    organizationId,
    trigger: "user",
    scope: { types: ["product", "customer", "order"], requestedFrom: { ip: null, userAgent: "bench:clear" } },
  });
  let finished: { status: string; summary: Record<string, unknown> | null; error: string | null } | undefined;
  for (;;) {
    const { rows } = await db.execute<{
      status: string;
      summary: Record<string, unknown> | null;
      error: string | null;
    }>(sql`select status, summary, error from operation_runs where id = ${run.id}`);
    if (rows[0] && ["succeeded", "failed", "cancelled"].includes(rows[0].status)) {
      finished = rows[0];
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const rssMiB = rss.stop();
  const { rows: phases } = await db.execute<{ phase: string; at: Date }>(sql`
    select data->>'phase' as phase, at from operation_events where run_id = ${run.id} and type = 'phase' order by seq`);
  const at = (phase: string) => {
    const found = phases.find((row) => row.phase === phase);
    return found ? new Date(found.at).getTime() : null;
  };
  const [from, to] = [at("delete_known"), at("discover")];
  const deleteSeconds = from !== null && to !== null ? (to - from) / 1000 : 0;
  const summary = (finished.summary ?? {}) as { apiCalls?: number; apiPoints?: number; fellBackToPaged?: boolean };
  return {
    ...benchCase,
    seconds,
    deleteSeconds,
    itemsPerSecond: benchCase.size / seconds,
    apiCalls: summary.apiCalls ?? 0,
    points: summary.apiPoints ?? 0,
    rssMiB,
    status: finished.status,
    note: finished.error ?? (summary.fellBackToPaged ? "fell back to paged" : ""),
  };
}

/** One metafield per metafieldsDelete call, one call after another: what per-item deletion costs. */
async function runNaive(size: number, organizationId: string) {
  const { db } = await import("../db/client");
  const { createShopifyClient } = await import("../lib/shopify/client/create-shopify-client");
  const { shop, accessToken: token } = await mappedStore(size, organizationId, "paged");
  const { rows } = await db.execute<{ owner_type: string; owner_id: string }>(sql`
    select owner_type, owner_id from sandbox_shopify_metafields where shop_id = ${shop.id} and namespace = 'synco'`);
  const client = createShopifyClient({
    shopDomain: shop.domain,
    accessToken: token,
    apiVersion: "2026-01",
    endpoint: `${process.env.SYNCO_APP_URL}/api/sandbox/shopify/${shop.domain}/admin/api/2026-01/graphql.json`,
    deadlineMs: 600_000,
  });
  const gidType: Record<string, string> = { PRODUCT: "Product", CUSTOMER: "Customer", ORDER: "Order" };
  const started = performance.now();
  for (const row of rows) {
    await client.request(NAIVE_DELETE, {
      variables: {
        metafields: [
          { ownerId: `gid://shopify/${gidType[row.owner_type]}/${row.owner_id}`, namespace: "synco", key: "sync" },
        ],
      },
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const stats = client.stats().client;
  return { size, seconds, calls: stats.requests, points: Math.round(stats.pointsActual) };
}

const NAIVE_DELETE = `#graphql
  mutation BenchNaiveMetafieldDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        key
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** 1M mapping rows of one store deleted by the clear's batches while another store's reads are timed. */
async function runDatabase(rows: number, organizationId: string) {
  const { db } = await import("../db/client");
  const { deleteMappings } = await import("../lib/clear/delete-mappings");
  const { getSyncOverview } = await import("../lib/sync/get-sync-overview");
  const { listSyncItems } = await import("../lib/sync/list-sync-items");
  const makeStore = async (count: number) => {
    const storeId = randomUUID();
    await db.execute(sql`
      insert into stores (id, organization_id, shop_domain, kind, connection_method, name, api_version, status)
      values (${storeId}, ${organizationId}, ${`bench-db-${storeId.slice(0, 8)}.myshopify.com`}, 'sandbox', 'sandbox', 'Bench db', '2026-01', 'connected')`);
    await db.execute(sql`
      insert into shopify_index_items (store_id, resource_type, shopify_id, title, order_name, shopify_updated_at)
      select ${storeId}, 'order', g, '#' || g, '#' || g, now() from generate_series(1, ${count}::int) g`);
    await db.execute(sql`
      insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, status, synced_at, mirror_state)
      select ${storeId}, 'order', g, g, 'synced', now(), 'done' from generate_series(1, ${count}::int) g`);
    // As loaders do (decision 57): the next store's index rows look their mappings up among these
    // rows, and a plan cached while the table was empty would scan all of them once per row.
    await db.execute(sql`analyze sync_mappings, shopify_index_items, shopify_index_search`);
    return storeId;
  };
  // Each run measures the same tables: the index rows an earlier run's stores left are removed first.
  await db.execute(sql`delete from stores where name = 'Bench db'`);
  await db.execute(sql`vacuum analyze shopify_index_items, shopify_index_search`);
  await db.execute(sql`vacuum analyze sync_mappings`);
  const big = await makeStore(rows);
  const reader = await makeStore(50_000);
  // A store's mappings are written over weeks of syncs, so a clear meets them settled: vacuumed
  // (autovacuum has long visited them) and on disk. Deleting right after this bulk load would also
  // time the load's own aftermath — autovacuum's first pass over 2M new rows and the checkpoint of
  // their WAL — running beside the clear (21.4 s instead of about 15 s with decision 83's code).
  // The whole database, the sandbox's tables the API cases above filled included: autovacuum of
  // those, due when this part starts, would otherwise run beside the clear and be timed with it.
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`).catch((error: unknown) => {
    console.warn(`checkpoint not taken (${String(error)}): the first batches may pay for the load's WAL`);
  });
  const read = async () => {
    const t0 = performance.now();
    await getSyncOverview({ storeId: reader, organizationId });
    const t1 = performance.now();
    await listSyncItems({ storeId: reader, organizationId, type: "order", tab: "all", q: undefined, limit: 50 });
    return { overview: t1 - t0, list: performance.now() - t1 };
  };
  const sample = async (until: () => boolean, minimum: number) => {
    const times = { overview: [] as number[], list: [] as number[] };
    while (!until() || times.list.length < minimum) {
      const { overview, list } = await read();
      times.overview.push(overview);
      times.list.push(list);
    }
    return times;
  };
  for (let i = 0; i < 20; i++) await read();
  const idleUntil = Date.now() + 5_000;
  const idle = await sample(() => Date.now() > idleUntil, 50);
  // What the server is given to work with, and what the clear makes it write (decision 109).
  const setting = async (name: string) =>
    (await db.execute<{ value: string }>(sql`select current_setting(${name}) as value`)).rows[0]!.value;
  const server = { sharedBuffers: await setting("shared_buffers"), maxWalSize: await setting("max_wal_size") };
  const wal = async () =>
    (
      await db.execute<{ bytes: string; fpi: string }>(
        sql`select wal_bytes::text as bytes, wal_fpi::text as fpi from pg_stat_wal`,
      )
    ).rows[0]!;
  // PostgreSQL 17 moved the checkpoint counts from pg_stat_bgwriter to pg_stat_checkpointer.
  const version = Number(await setting("server_version_num"));
  const checkpoints = async () =>
    Number(
      (
        await db.execute<{ n: string }>(
          version >= 170000
            ? sql`select (num_timed + num_requested)::text as n from pg_stat_checkpointer`
            : sql`select (checkpoints_timed + checkpoints_req)::text as n from pg_stat_bgwriter`,
        )
      ).rows[0]!.n,
    );
  const walBefore = await wal();
  const checkpointsBefore = await checkpoints();
  let done = false;
  const started = performance.now();
  const deleting = deleteMappings({ storeId: big, type: "order", after: -1, onBatch: async () => {} }).then((n) => {
    done = true;
    return n;
  });
  const during = await sample(() => done, 50);
  const deleted = await deleting;
  const seconds = (performance.now() - started) / 1000;
  const walAfter = await wal();
  const written = {
    walMiB: (Number(walAfter.bytes) - Number(walBefore.bytes)) / 2 ** 20,
    fullPages: Number(walAfter.fpi) - Number(walBefore.fpi),
    checkpoints: (await checkpoints()) - checkpointsBefore,
  };
  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;
  return {
    rows,
    deleted,
    seconds,
    server,
    written,
    idle: { overview: p95(idle.overview), list: p95(idle.list), samples: idle.list.length },
    during: { overview: p95(during.overview), list: p95(during.list), samples: during.list.length },
  };
}

function printReport(
  rows: Row[],
  naive: { size: number; seconds: number; calls: number; points: number },
  database: Awaited<ReturnType<typeof runDatabase>> | null,
  loadBefore: number,
) {
  const ramGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  console.log(
    `Date: ${new Date().toISOString().slice(0, 10)} · machine: ${os.cpus().length} CPUs, ${ramGiB} GiB RAM, Node ${process.version} · sandbox plan: Standard (${RESTORE_RATE} points/s, bucket 2,000)`,
  );
  console.log(
    `Command: npm run bench:clear -- --sizes ${SIZES.join(",")} --paged25 ${PAGED25.join(",")} --naive ${NAIVE} --rows ${ROWS}`,
  );
  console.log(`Load average (1 min) before → after: ${loadBefore.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`);
  // Other work shares the machine: the load as `uptime` puts it, at the end of the run.
  console.log(`uptime: ${execFileSync("uptime").toString().trim()}\n`);
  const naiveRate = naive.size / naive.seconds;
  console.log(
    "| strategy | calls of | items | wall time (s) | items/s | × naive | API calls | points | metafield deletion (s) | paged floor (s) | share of floor | worker peak RSS (MiB) | result |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const row of rows) {
    // Floor: the points the deletion calls need at 100 points/s (10 points per call), less the full bucket's 2,000.
    const calls = Math.ceil(row.size / row.limit);
    const floor = row.strategy === "paged" ? Math.max(0, calls * 10 - 2000) / RESTORE_RATE : null;
    const share = floor !== null && row.deleteSeconds > 0 ? Math.min(1, floor / row.deleteSeconds) : null;
    const verdict =
      row.status !== "succeeded"
        ? `${row.status}: ${row.note}`
        : row.strategy === "bulk"
          ? row.size >= 100_000
            ? `${row.seconds < 100 ? "pass" : "miss"} (< 100 s), ${row.apiCalls < 50 ? "pass" : "miss"} (< 50 calls), ${row.itemsPerSecond / naiveRate >= 100 ? "pass" : "miss"} (≥ 100× naive)`
            : "—"
          : floor === 0
            ? "within the bucket"
            : `${share! >= 0.9 ? "pass" : "miss"} (≥ 90 % of floor)`;
    console.log(
      `| ${row.strategy} | ${row.strategy === "paged" ? row.limit : "—"} | ${fmt(row.size)} | ${fmt(row.seconds, 1)} | ${fmt(row.itemsPerSecond)} | ${fmt(row.itemsPerSecond / naiveRate, 1)} | ${fmt(row.apiCalls)} | ${fmt(row.points)} | ${fmt(row.deleteSeconds, 1)} | ${floor === null ? "—" : fmt(floor, 1)} | ${share === null ? "—" : `${fmt(share * 100, 0)} %`} | ${fmt(row.rssMiB)} ${row.rssMiB < 300 ? "(pass)" : "(miss)"} | ${row.note && row.status === "succeeded" ? `${verdict}; ${row.note}` : verdict} |`,
    );
  }
  console.log(
    `\nNaive baseline: ${fmt(naive.size)} metafields one per call, sequential: ${fmt(naive.seconds, 1)} s, ${fmt(naiveRate, 1)} items/s, ${fmt(naive.calls)} calls, ${fmt(naive.points)} points; projected for 100,000 items: ${fmt(100_000 / naiveRate / 3600, 2)} h.`,
  );
  if (database)
    console.log(
      `\nDatabase: ${fmt(database.deleted)} of ${fmt(database.rows)} mapping rows of one store deleted in ${fmt(database.seconds, 1)} s (${database.seconds < 15 ? "pass" : "miss"}, target < 15 s). Another store's reads, p95: overview ${fmt(database.idle.overview, 1)} ms idle → ${fmt(database.during.overview, 1)} ms during (${database.during.overview < 100 ? "pass" : "miss"}), list ${fmt(database.idle.list, 1)} ms idle → ${fmt(database.during.list, 1)} ms during (${database.during.list < 100 ? "pass" : "miss"}); ${database.during.samples} samples during, ${database.idle.samples} idle.`,
    );
  if (database)
    console.log(
      `Server: shared_buffers ${database.server.sharedBuffers}, max_wal_size ${database.server.maxWalSize}; during the deletion it wrote ${fmt(database.written.walMiB)} MiB of WAL (${fmt(database.written.fullPages)} full-page images) and began ${database.written.checkpoints} checkpoint(s).`,
    );
}

await main();
process.exit(0);
