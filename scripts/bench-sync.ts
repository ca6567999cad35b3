// `npm run bench:sync`: the sync to Odoo end to end. A store of 10,000 orders (with their
// customers and products; nothing synced) on the standalone sandbox Shopify in its own process
// (Standard plan), an Odoo 19 on the standalone sandbox Odoo in another, and one `npm run worker`
// process executing the runs as in production: its index read, the first sync of the whole store,
// a clear, then the re-sync, which must re-link every item and create nothing. Per sync: items/s,
// Odoo calls and Shopify points per item, the worker's peak RSS; and the Odoo record counts before
// and after the re-sync.
//   npm run bench:sync -- [--orders 10000] [--customers 2000] [--products 500] [--odoo 19]
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
    orders: { type: "string", default: "10000" },
    customers: { type: "string", default: "2000" },
    products: { type: "string", default: "500" },
    odoo: { type: "string", default: "19" },
  },
});
const SIZES = { orders: Number(values.orders), customers: Number(values.customers), products: Number(values.products) };
const ODOO_VERSION = Number(values.odoo) as 16 | 17 | 18 | 19;
const root = path.resolve(import.meta.dirname, "..");

type Measured = {
  name: string;
  seconds: number;
  items: number;
  failed: number;
  odooCalls: number;
  shopifyPoints: number;
  rssMiB: number;
  status: string;
  created: Record<string, number>;
  linked: Record<string, number>;
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const dataDir = path.resolve(root, process.env.SYNCO_DATA_DIR ?? ".data");
  Object.assign(process.env, await loadSecrets({ dataDir, production: false }));
  const database = await openDatabase({ dataDir, databaseName: "synco_bench_sync" });
  process.env.DATABASE_URL = database.url;
  const shopify = await startSandboxProcess({ databaseUrl: database.url, root });
  const odooServer = await startSandboxProcess({ databaseUrl: database.url, root, sandbox: "odoo" });
  process.env.SYNCO_APP_URL = shopify.url;
  // The standalone sandbox Odoo listens on loopback, not on the app's own route: like a self-hosted
  // Odoo, it needs the operator's opt-in past the address guard (decision 105), worker included.
  process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = "true";
  const worker = await startWorkerProcess({ databaseUrl: database.url, appUrl: shopify.url, root });
  const { db, closeDb } = await import("../db/client");
  try {
    const { storeId, organizationId, odooDatabase } = await benchStore(odooServer.url);
    console.error(`store seeded: ${SIZES.orders} orders, ${SIZES.customers} customers, ${SIZES.products} products`);
    await waitFor(await startKind("index_refresh", storeId, organizationId));
    console.error("index read");
    const counts = () => odooCounts(odooDatabase);
    const atStart = await counts();
    const first = await measureSync("first sync", storeId, organizationId, worker.pid);
    console.error(`first sync: ${first.seconds.toFixed(1)} s ${first.status}`);
    const afterFirst = await counts();
    const clear = await startKind("clear", storeId, organizationId);
    const cleared = await waitFor(clear);
    console.error(`clear: ${cleared.status}`);
    const { rows: left } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from sync_mappings where store_id = ${storeId}`,
    );
    const resync = await measureSync("re-sync after a clear", storeId, organizationId, worker.pid);
    console.error(`re-sync: ${resync.seconds.toFixed(1)} s ${resync.status}`);
    const afterResync = await counts();
    printReport([first, resync], { atStart, afterFirst, afterResync }, Number(left[0]!.n), loadBefore);
  } finally {
    await worker.stop();
    await shopify.stop();
    await odooServer.stop();
    const { stopBoss } = await import("../lib/jobs/boss");
    await stopBoss();
    await closeDb();
    await database.stop();
  }
}

/** A connected sandbox store (Standard plan) of the sizes asked, nothing synced, its Odoo on the standalone sandbox Odoo. */
async function benchStore(odooUrl: string) {
  const { db } = await import("../db/client");
  const { createSandboxShop, seedSandboxStore } = await import("../lib/sandbox/shopify/provisioning");
  const { createSandboxOdoo } = await import("../lib/sandbox/odoo/provisioning");
  const { encryptCredentials } = await import("../lib/stores/store-credentials");
  const { sealOdooApiKey } = await import("../lib/stores/odoo/odoo-connection-secret");
  const organizationId = randomUUID();
  await db.execute(
    sql`insert into organizations (id, name, slug) values (${organizationId}, 'Bench sync', ${`bench-sync-${organizationId}`})`,
  );
  const scopes = [
    "read_products",
    "write_products",
    "read_customers",
    "write_customers",
    "read_orders",
    "write_orders",
    "read_all_orders",
  ];
  const handle = `bench-sync-${randomUUID().slice(0, 8)}`;
  const domain = `${handle}.myshopify.com`;
  const { shop, accessToken } = await createSandboxShop({ domain, name: "Bench sync", plan: "standard", scopes });
  await seedSandboxStore({ shopId: shop.id, sizes: { ...SIZES, metafields: 0 }, syncedShare: 0, failedShare: 0 });
  const odoo = await createSandboxOdoo({ database: handle, version: ODOO_VERSION, companyName: "Bench sync" });
  const storeId = randomUUID();
  const sealed = encryptCredentials(storeId, { accessToken, scopes });
  await db.execute(sql`
    insert into stores (id, organization_id, shop_domain, kind, connection_method, name, api_version, status,
      credentials_ciphertext, credentials_key_id, connected_at)
    values (${storeId}, ${organizationId}, ${domain}, 'sandbox', 'sandbox', 'Bench sync', '2026-01', 'connected',
      ${sealed.credentialsCiphertext}, ${sealed.credentialsKeyId}, now())`);
  // An ordinary connection to the standalone sandbox Odoo, reached over HTTP like any Odoo.
  const key = sealOdooApiKey(storeId, odoo.apiKey);
  await db.execute(sql`
    insert into store_odoo_connections (store_id, organization_id, sandbox, url, database, login, protocol, api_key_ciphertext, api_key_key_id)
    values (${storeId}, ${organizationId}, false, ${`${odooUrl}${odoo.path}`}, ${odoo.database}, ${odoo.login}, 'auto',
      ${key.apiKeyCiphertext}, ${key.apiKeyKeyId})`);
  return { storeId, organizationId, odooDatabase: odoo.database };
}

async function startKind(kind: "index_refresh" | "clear", storeId: string, organizationId: string) {
  const { startRun } = await import("../lib/operations/start-run");
  const scope =
    kind === "clear"
      ? { types: ["product", "customer", "order"], requestedFrom: { ip: null, userAgent: "bench:sync" } }
      : {};
  const { run } = await startRun({ kind, storeId, organizationId, trigger: "user", scope });
  return run.id;
}

async function measureSync(name: string, storeId: string, organizationId: string, workerPid: number) {
  const { requestOdooSync } = await import("../lib/odoo-sync/request-odoo-sync");
  const rss = sampleRss(workerPid);
  const started = performance.now();
  const { run } = await requestOdooSync({
    storeId,
    organizationId,
    actor: null,
    trigger: "user",
    request: { scope: "store" },
    idempotencyKey: randomUUID(),
  });
  const finished = await waitFor(run.id);
  const seconds = (performance.now() - started) / 1000;
  const counters = finished.counters as Record<string, { done: number; failed: number }>;
  const summary = (finished.summary ?? {}) as {
    odooCalls?: number;
    shopifyPoints?: number;
    created?: Record<string, number>;
    linked?: Record<string, number>;
  };
  const items = Object.values(counters).reduce((sum, c) => sum + c.done + c.failed, 0);
  return {
    name,
    seconds,
    items,
    failed: Object.values(counters).reduce((sum, c) => sum + c.failed, 0),
    odooCalls: summary.odooCalls ?? 0,
    shopifyPoints: summary.shopifyPoints ?? 0,
    rssMiB: rss.stop(),
    status: finished.error ? `${finished.status}: ${finished.error}` : finished.status,
    created: summary.created ?? {},
    linked: summary.linked ?? {},
  } satisfies Measured;
}

async function waitFor(runId: string) {
  const { db } = await import("../db/client");
  for (;;) {
    const { rows } = await db.execute<{
      status: string;
      summary: Record<string, unknown> | null;
      error: string | null;
      counters: Record<string, unknown>;
    }>(sql`select status, summary, error, counters from operation_runs where id = ${runId}`);
    if (rows[0] && ["succeeded", "failed", "cancelled"].includes(rows[0].status)) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function odooCounts(databaseName: string): Promise<Record<string, number>> {
  const { db } = await import("../db/client");
  const { rows } = await db.execute<{ model: string; n: number }>(sql`
    select r.model, count(*)::int as n from sandbox_odoo_records r join sandbox_odoo_databases d on d.id = r.database_id
    where d.name = ${databaseName}
      and r.model in ('res.partner', 'product.template', 'product.product', 'sale.order', 'sale.order.line', 'account.move')
    group by r.model order by r.model`);
  return Object.fromEntries(rows.map((row) => [row.model, Number(row.n)]));
}

function printReport(
  rows: Measured[],
  counts: Record<"atStart" | "afterFirst" | "afterResync", Record<string, number>>,
  mappingsLeftByClear: number,
  loadBefore: number,
) {
  const ramGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  console.log(
    `Date: ${new Date().toISOString().slice(0, 10)} · machine: ${os.cpus().length} CPUs, ${ramGiB} GiB RAM, Node ${process.version} · sandbox Shopify plan Standard · sandbox Odoo ${ODOO_VERSION}`,
  );
  console.log(
    `Command: npm run bench:sync -- --orders ${SIZES.orders} --customers ${SIZES.customers} --products ${SIZES.products} --odoo ${ODOO_VERSION}`,
  );
  console.log(`Load average (1 min) before → after: ${loadBefore.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`);
  console.log(`uptime: ${execFileSync("uptime").toString().trim()}\n`);
  console.log(
    "| sync | items | failed | wall time (s) | items/s | Odoo calls | Odoo calls / item | Shopify points | points / item | worker peak RSS (MiB) | created in Odoo | linked | result |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
  for (const row of rows) {
    const perItem = row.items ? row.odooCalls / row.items : 0;
    const verdicts = [
      `${perItem <= 0.1 ? "pass" : "miss"} (≤ 0.1 calls/item)`,
      `${row.rssMiB < 300 ? "pass" : "miss"} (RSS < 300 MiB)`,
      ...(row.name.startsWith("re-sync") ? [`${row.seconds < 120 ? "pass" : "miss"} (< 2 min)`] : []),
    ];
    const words = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([type, n]) => `${fmt(n)} ${type}s`)
        .join(", ") || "none";
    console.log(
      `| ${row.name} | ${fmt(row.items)} | ${fmt(row.failed)} | ${fmt(row.seconds, 1)} | ${fmt(row.items / row.seconds)} | ${fmt(row.odooCalls)} | ${fmt(perItem, 3)} | ${fmt(row.shopifyPoints)} | ${fmt(row.shopifyPoints / Math.max(1, row.items), 2)} | ${fmt(row.rssMiB)} | ${words(row.created)} | ${words(row.linked)} | ${row.status === "succeeded" ? verdicts.join(", ") : row.status} |`,
    );
  }
  // Unchanged counts prove nothing when a sync did not run: both must have succeeded.
  const same =
    rows.every((row) => row.status === "succeeded") &&
    JSON.stringify(counts.afterFirst) === JSON.stringify(counts.afterResync);
  console.log(
    `\nOdoo records (${Object.keys(counts.afterFirst).join(", ")}): before ${JSON.stringify(counts.atStart)}, after the first sync ${JSON.stringify(counts.afterFirst)}, after the clear and re-sync ${JSON.stringify(counts.afterResync)} — ${same ? "unchanged by the re-sync (pass)" : "miss: a sync failed or the re-sync changed them"}. Mappings left by the clear: ${mappingsLeftByClear}.`,
  );
}

await main();
process.exit(0);
