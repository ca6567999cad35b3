// `npm run bench:sandbox`: is the sandbox Shopify store ever the bottleneck? Against the standalone
// server in its own process, over real HTTP with keep-alive connections:
//   (a) cheap-query throughput with the throttle off — target ≥ 1,000 requests/s — and with it on
//       (an Enterprise shop whose bucket never runs short: every request takes from the bucket) —
//       target ≥ 2,000 requests/s, Enterprise's rate for a 1-point query;
//   (b) memory with a store of 100k orders and 300k metafields while it serves a bulk export,
//       a metafields page scan and cheap queries — target: server RSS peak under 1 GB.
// Prints Markdown tables with the targets and pass/miss (recorded in docs/benchmarks.md).
//   npm run bench:sandbox -- [--seconds 10] [--connections 32] [--skip-memory]
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openBenchDatabase } from "./bench/bench-database";
import { buildPost, runHttpLoad, type LoadResult } from "./bench/http-load";
import { sampleRss, startSandboxProcess, type SandboxProcess } from "./bench/sandbox-process";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    "skip-memory": { type: "boolean", default: false },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const root = path.resolve(import.meta.dirname, "..");
const VERSION = "2026-01";

const SHOP_NAME = `#graphql
  query BenchShopName { shop { name } }`;
const PRODUCTS_PAGE = `#graphql
  query BenchProducts { products(first: 10) { nodes { id title handle } } }`;
const EXPORT = `#graphql
  { orders { edges { node { id name email totalPriceSet { shopMoney { amount currencyCode } }
      lineItems { edges { node { id sku quantity } } }
      metafields { edges { node { id namespace key value } } } } } } }`;
const ORDERS_WITH_LINES = `#graphql
  { orders { edges { node { id name lineItems { edges { node { id sku quantity } } } } } } }`;
const SCAN = `#graphql
  query BenchScan($after: String) {
    orders(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { id metafield(namespace: "synco", key: "sync") { value } } }
  }`;

type Shop = { domain: string; token: string };
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? "pass" : "miss");

async function main() {
  const database = await openBenchDatabase({ root });
  process.env.DATABASE_URL = database.url;
  const { db, closeDb } = await import("../db/client");
  const { seedSandboxStore } = await import("../lib/sandbox/shopify/seed/seed-sandbox-store");
  const { createSandboxShop } = await import("../lib/sandbox/shopify/create-sandbox-shop");
  const server = await startSandboxProcess({ databaseUrl: database.url, root });
  try {
    const pgVersion = (await db.execute<{ server_version: string }>(sql`show server_version`)).rows[0]?.server_version;
    console.log(`## bench:sandbox — ${new Date().toISOString().slice(0, 10)}\n`);
    console.log(
      `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim()}), ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM; Node ${process.version}; PostgreSQL ${pgVersion}${database.dedicated ? " (embedded, dedicated database)" : ""}; load average ${fmt(os.loadavg()[0]!, 2)} at start.`,
    );
    console.log(`Command: npm run bench:sandbox -- --seconds ${SECONDS} --connections ${CONNECTIONS}\n`);

    const small = await seedSandboxStore({
      domain: `bench-small-${Date.now()}.myshopify.com`,
      size: "small",
      throttleEnabled: false,
    });
    const smallShop = { domain: small.shop.domain, token: small.accessToken! };
    const throttled = await createSandboxShop({
      domain: `bench-throttled-${Date.now()}.myshopify.com`,
      name: "Bench throttled",
      plan: "enterprise",
      bucketSize: 1_000_000_000,
    });
    const throttledShop = { domain: throttled.shop.domain, token: throttled.accessToken };
    console.log(
      `### (a) Cheap queries (${CONNECTIONS} keep-alive connections, ${SECONDS} s each, server in its own process)\n`,
    );
    console.log(
      "| query | throttle | requests | req/s | p50 ms | p95 ms | non-200 | target | result |\n|---|---|---|---|---|---|---|---|---|",
    );
    for (const [label, query, shop, throttle, target] of [
      ["`{ shop { name } }`", SHOP_NAME, smallShop, "off", 1000],
      ["`products(first: 10) { nodes { id title handle } }`", PRODUCTS_PAGE, smallShop, "off", 1000],
      ["`{ shop { name } }`", SHOP_NAME, throttledShop, "on (Enterprise, bucket never short)", 2000],
    ] as const) {
      const result = await load(server, shop, query, SECONDS);
      console.log(
        `| ${label} | ${throttle} | ${fmt(result.requests)} | ${fmt(result.perSecond)} | ${fmt(result.p50Ms, 1)} | ${fmt(result.p95Ms, 1)} | ${result.failures} | ≥ ${fmt(target)} req/s | ${verdict(result.perSecond >= target && result.failures === 0)} |`,
      );
    }
    if (!values["skip-memory"]) await memory(server, seedSandboxStore, db);
  } finally {
    await server.stop();
    await closeDb();
    await database.stop();
  }
}

async function memory(
  server: SandboxProcess,
  seed: typeof import("../lib/sandbox/shopify/seed/seed-sandbox-store").seedSandboxStore,
  db: typeof import("../db/client").db,
) {
  console.log(`\n### (b) Memory with a large store (100k orders, 300k metafields)\n`);
  const rss = sampleRss(server.pid);
  const idle = rss.current();
  const medium = await seed({
    domain: `bench-10k-${Date.now()}.myshopify.com`,
    sizes: { products: 500, customers: 2_000, orders: 10_000, metafields: 30_000 },
    throttleEnabled: false,
  });
  const tenK = await exportAll(
    client(server, { domain: medium.shop.domain, token: medium.accessToken! }),
    ORDERS_WITH_LINES,
  );
  let started = performance.now();
  const large = await seed({
    domain: `bench-large-${Date.now()}.myshopify.com`,
    size: "large",
    seed: 1,
    throttleEnabled: false,
  });
  const seedSeconds = (performance.now() - started) / 1000;
  const shop = { domain: large.shop.domain, token: large.accessToken! };
  const gql = client(server, shop);

  const { operation, seconds: exportSeconds } = await exportAll(gql, EXPORT);
  started = performance.now();
  let downloaded = 0;
  if (operation.url) {
    const reader = (await fetch(operation.url)).body!.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) downloaded += part.value.length;
  }
  const downloadSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  let pages = 0;
  for (let after: string | null = null; ; pages++) {
    const page: { orders: { pageInfo: { hasNextPage: boolean; endCursor: string } } } = await gql(SCAN, { after });
    if (!page.orders.pageInfo.hasNextPage) break;
    after = page.orders.pageInfo.endCursor;
  }
  const scanSeconds = (performance.now() - started) / 1000;
  const cheap = await load(server, shop, SHOP_NAME, 5);
  const peak = rss.stop();

  const size = (await db.execute<{ bytes: string }>(sql`select pg_database_size(current_database())::text as bytes`))
    .rows[0]!.bytes;
  const mib = (bytes: number) => `${fmt(bytes / 2 ** 20)} MiB`;
  console.log("| step | measured | target | result |\n|---|---|---|---|");
  console.log(
    `| seed: ${fmt(large.counts.orders)} orders, ${fmt(large.counts.lineItems)} line items, ${fmt(large.counts.customers)} customers, ${fmt(large.counts.variants)} variants, ${fmt(large.counts.metafields)} metafields | ${fmt(seedSeconds, 1)} s | well under a minute | ${verdict(seedSeconds < 60)} |`,
  );
  console.log(
    `| bulk export of 10,000 orders with their line items | ${tenK.operation.status}, ${fmt(Number(tenK.operation.objectCount))} objects in ${fmt(tenK.seconds, 1)} s | in seconds | ${verdict(tenK.operation.status === "COMPLETED" && tenK.seconds < 10)} |`,
  );
  console.log(
    `| bulk export of the large store (orders + line items + metafields) | ${operation.status}, ${fmt(Number(operation.objectCount))} objects, ${mib(Number(operation.fileSize ?? 0))} in ${fmt(exportSeconds, 1)} s; downloaded ${mib(downloaded)} in ${fmt(downloadSeconds, 1)} s | streams, complete | ${verdict(operation.status === "COMPLETED" && downloaded === Number(operation.fileSize))} |`,
  );
  console.log(
    `| metafields page scan (orders 250 per page with the sync metafield) | ${pages + 1} pages in ${fmt(scanSeconds, 1)} s | | |`,
  );
  console.log(
    `| cheap queries on the large store (5 s) | ${fmt(cheap.perSecond)} req/s, p95 ${fmt(cheap.p95Ms, 1)} ms | | |`,
  );
  console.log(
    `| sandbox server RSS (idle → peak over all steps) | ${fmt(idle)} → ${fmt(peak)} MiB | < 1,024 MiB | ${verdict(peak < 1024)} |`,
  );
  console.log(`| database size (pg_database_size) | ${mib(Number(size))} | reported | |`);
}

type Operation = { status: string; url: string | null; objectCount: string; fileSize: string | null };

// Starts a bulk query and polls it (every 250 ms) until it ends.
async function exportAll(
  gql: ReturnType<typeof client>,
  query: string,
): Promise<{ operation: Operation; seconds: number }> {
  const started = performance.now();
  const run = await gql<{ bulkOperationRunQuery: { bulkOperation: { id: string } } }>(
    `#graphql
    mutation BenchExport($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id } userErrors { message } } }`,
    { query },
  );
  const id = run.bulkOperationRunQuery.bulkOperation.id;
  let operation: Operation;
  do {
    await new Promise((resolve) => setTimeout(resolve, 250));
    operation = (
      await gql<{ bulkOperation: Operation }>(
        `#graphql
      query BenchPoll($id: ID!) { bulkOperation(id: $id) { status url objectCount fileSize } }`,
        { id },
      )
    ).bulkOperation;
  } while (operation.status === "CREATED" || operation.status === "RUNNING");
  return { operation, seconds: (performance.now() - started) / 1000 };
}

function load(server: SandboxProcess, shop: Shop, query: string, seconds: number): Promise<LoadResult> {
  const request = buildPost({
    host: `127.0.0.1:${server.port}`,
    path: `/api/sandbox/shopify/${shop.domain}/admin/api/${VERSION}/graphql.json`,
    headers: { "content-type": "application/json", "x-shopify-access-token": shop.token },
    body: JSON.stringify({ query }),
  });
  return runHttpLoad({ host: "127.0.0.1", port: server.port, request, connections: CONNECTIONS, seconds });
}

function client(server: SandboxProcess, shop: Shop) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${server.url}/api/sandbox/shopify/${shop.domain}/admin/api/${VERSION}/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": shop.token },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
