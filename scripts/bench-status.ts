// `npm run bench:status`: does the sync status stay instant for a store with a million orders?
// On a dedicated database (a fresh `synco_bench_status` on the embedded PostgreSQL, or
// DATABASE_URL): 20 stores, one with 1M index rows and 1M mapping rows, generated set-based with
// the production triggers on. Then, warm, the p50/p95 wall time of the SQL the routes run — the
// counts query of the overview and list pages (first and deep keyset pages, each tab, with and
// without a search term, and the list of mappings Shopify refused) — each against a baseline in
// the same run: the naive COUNT over the join for counts, the same list SQL with index scans
// switched off for pages.
//   npm run bench:status -- [--iterations 200] [--baseline-iterations 10]
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "200" }, "baseline-iterations": { type: "string", default: "10" } },
});
const ITERATIONS = Number(values.iterations);
const BASELINE_ITERATIONS = Number(values["baseline-iterations"]);
const WARMUP = 20;
const DATABASE = "synco_bench_status";
const root = path.resolve(import.meta.dirname, "..");

const BIG = {
  orders: 1_000_000,
  orphanMappings: 80_000,
  notSyncedShare: 0.08,
  failedShare: 0.04,
  mirrorFailedShare: 0.005,
  mirrorPendingShare: 0.05,
};
const SMALL = { stores: 19, orders: 5_000, customers: 2_000, products: 500 };

const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function openDatabase(): Promise<{ url: string; dedicated: boolean; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    await migrateDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, dedicated: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(root, process.env.SYNCO_DATA_DIR ?? ".data"),
    port: Number(process.env.SYNCO_PG_PORT ?? 54329),
  });
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
  await ensureDatabase(server.adminUrl, DATABASE);
  const url = server.urlFor(DATABASE);
  await migrateDatabase(url);
  return { url, dedicated: true, stop: server.stop };
}

async function main() {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  const { db, pool, closeDb } = await import("../db/client");
  const { sql } = await import("drizzle-orm");
  const { syncCountsQuery, getSyncOverview } = await import("../lib/sync/get-sync-overview");
  const { syncItemsQuery, listSyncItems, pageStartQuery, countItemsQuery, tabTotalQuery } =
    await import("../lib/sync/list-sync-items");
  const { reconcileSyncCounts } = await import("../lib/shopify-index/reconcile-sync-counts");
  const { PgDialect } = await import("drizzle-orm/pg-core");
  type Query = ReturnType<typeof syncCountsQuery>;
  const dialect = new PgDialect();
  const toText = (query: Query) => dialect.sqlToQuery(query);

  try {
    const version = (await db.execute<{ server_version: string }>(sql`show server_version`)).rows[0]!.server_version;
    console.log(`## bench:status — ${new Date().toISOString().slice(0, 10)}\n`);
    console.log(
      `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim()}), ${fmt(os.totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; PostgreSQL ${version}${database.dedicated ? ` (embedded, dedicated database ${DATABASE})` : " (DATABASE_URL)"}; load average ${fmt(os.loadavg()[0]!, 2)} at start.`,
    );
    console.log(
      `Command: npm run bench:status -- --iterations ${ITERATIONS} --baseline-iterations ${BASELINE_ITERATIONS}\n`,
    );

    // ---- data ----
    const org = `bench-org-${Date.now()}`;
    await db.execute(sql`insert into organizations (id, name, slug) values (${org}, 'Bench', ${org})`);
    const storeIds: string[] = [];
    for (let i = 0; i < 1 + SMALL.stores; i++) {
      const id = crypto.randomUUID();
      storeIds.push(id);
      await db.execute(
        sql`insert into stores (id, organization_id, shop_domain, kind, connection_method, name, api_version) values (${id}, ${org}, ${`bench-${i}-${id.slice(0, 8)}.myshopify.com`}, 'sandbox', 'sandbox', ${`Bench ${i}`}, '2026-01')`,
      );
    }
    const big = storeIds[0]!;
    const timed = async (label: string, run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      const seconds = (performance.now() - started) / 1000;
      console.log(`- ${label}: ${fmt(seconds)} s`);
    };
    console.log("Data (set-based SQL, production triggers on):\n");
    // r in [0,1) per order, from a hash: which orders are not synced / failed, spread over the id range.
    const r = (g: string) => sql.raw(`((hashint4(${g}) & 2147483647)::float8 / 2147483648.0)`);
    await timed(
      `1 store: ${fmt(BIG.orders * (1 - BIG.notSyncedShare) + BIG.orphanMappings, 0)} mapping rows (${fmt(BIG.orders * (1 - BIG.notSyncedShare), 0)} of indexed orders, ${fmt(BIG.orphanMappings, 0)} of orders gone from Shopify)`,
      () =>
        db.execute(sql`
        insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, odoo_invoice_id, status, synced_at, last_error, mirror_state, mirror_error, mirrored_at)
        select ${big}, 'order', 5000000000 + g, 100000 + g, 900000 + g,
          case when ${r("g")} < ${BIG.notSyncedShare + BIG.failedShare} and g <= ${BIG.orders} then 'failed' else 'synced' end,
          timestamptz '2025-01-01' + g * interval '20 seconds',
          case when ${r("g")} < ${BIG.notSyncedShare + BIG.failedShare} and g <= ${BIG.orders} then 'Odoo: partner is archived' end,
          case when ${r("g * 13")} < ${BIG.mirrorFailedShare} then 'failed' when ${r("g * 13")} < ${BIG.mirrorFailedShare + BIG.mirrorPendingShare} then 'pending' else 'done' end,
          case when ${r("g * 13")} < ${BIG.mirrorFailedShare} then 'Owner does not exist.' end,
          now()
        from generate_series(1, ${BIG.orders + BIG.orphanMappings}) as g
        where g > ${BIG.orders} or ${r("g")} >= ${BIG.notSyncedShare}`),
    );
    await timed(`1 store: ${fmt(BIG.orders, 0)} index rows (orders)`, () =>
      db.execute(sql`
        insert into shopify_index_items (store_id, resource_type, shopify_id, title, email, order_name, shopify_updated_at)
        select ${big}, 'order', 5000000000 + g, '#' || (1000 + g), 'customer' || (hashint4(g * 7) & 262143) || '@example.com', '#' || (1000 + g),
          timestamptz '2025-01-01' + g * interval '19 seconds'
        from generate_series(1, ${BIG.orders}) as g`),
    );
    await timed(
      `${SMALL.stores} stores: ${fmt(SMALL.orders, 0)} orders, ${fmt(SMALL.customers, 0)} customers, ${fmt(SMALL.products, 0)} products each, ~65 % mapped`,
      async () => {
        for (const [index, store] of storeIds.slice(1).entries()) {
          const base = 6_000_000_000 + index * 1_000_000;
          await db.execute(sql`
          insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, status, synced_at, last_error, mirror_state)
          select ${store}, t.type, ${base}::bigint + g, g, case when ${r("g")} < 0.6 then 'synced' else 'failed' end, timestamptz '2025-06-01' + g * interval '1 minute',
            case when ${r("g")} >= 0.6 then 'Odoo: timeout' end, 'done'
          from (values ('order', ${SMALL.orders}::int), ('customer', ${SMALL.customers}::int), ('product', ${SMALL.products}::int)) as t(type, n)
          cross join lateral generate_series(1, t.n) as g
          where ${r("g")} < 0.65`);
          await db.execute(sql`
          insert into shopify_index_items (store_id, resource_type, shopify_id, title, email, skus, order_name, shopify_updated_at)
          select ${store}, t.type, ${base}::bigint + g,
            case t.type when 'order' then '#' || (1000 + g) when 'customer' then 'Customer ' || g else 'Product ' || g end,
            case when t.type <> 'product' then 'c' || g || '@shop' || ${index} || '.test' end,
            case when t.type = 'product' then array['SKU-' || g || '-S', 'SKU-' || g || '-M'] else '{}' end,
            case when t.type = 'order' then '#' || (1000 + g) end, timestamptz '2025-06-01' + g * interval '1 minute'
          from (values ('order', ${SMALL.orders}::int), ('customer', ${SMALL.customers}::int), ('product', ${SMALL.products}::int)) as t(type, n)
          cross join lateral generate_series(1, t.n) as g`);
        }
      },
    );
    await timed("VACUUM ANALYZE", () =>
      db.execute(sql`vacuum analyze sync_mappings, shopify_index_items, shopify_index_search, sync_status_counts`),
    );
    const drift = await reconcileSyncCounts({ storeId: big });
    const counts = (await db.execute(syncCountsQuery(big))).rows.find((row) => row.resource_type === "order") as {
      items: string;
      items_synced: string;
      items_failed: string;
    };
    console.log(
      `- counters after generation vs a recount: ${drift.countersFixed + drift.statusesFixed === 0 ? "equal" : `DRIFT ${JSON.stringify(drift)}`}`,
    );
    console.log(
      `- big store's orders: ${fmt(Number(counts.items), 0)} indexed, ${fmt(Number(counts.items_synced), 0)} synced, ${fmt(Number(counts.items_failed), 0)} failed, ${fmt(Number(counts.items) - Number(counts.items_synced) - Number(counts.items_failed), 0)} not synced\n`,
    );

    // ---- measurements ----
    const client = await pool().connect();
    const runOnce = async (query: Query, baseline: boolean) => {
      const { sql: text, params } = toText(query);
      if (baseline)
        await client.query(
          "begin; set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off",
        );
      const started = performance.now();
      await client.query(text, params);
      const ms = performance.now() - started;
      if (baseline) await client.query("rollback");
      return ms;
    };
    const sample = async (run: () => Promise<number>, iterations: number, warmup = WARMUP) => {
      for (let i = 0; i < warmup; i++) await run();
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) times.push(await run());
      times.sort((a, b) => a - b);
      return { p50: times[Math.floor(0.5 * (times.length - 1))]!, p95: times[Math.ceil(0.95 * times.length) - 1]! };
    };
    const wall = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const plan = async (query: Query) => {
      const { sql: text, params } = toText(query);
      const { rows } = await client.query(`explain (format json) ${text}`, params);
      const used = new Set<string>();
      const walk = (node: Record<string, unknown>) => {
        if (typeof node["Index Name"] === "string")
          used.add(`${String(node["Node Type"]).replace(/ Scan$/, "")} ${node["Index Name"]}`);
        if (node["Node Type"] === "Seq Scan") used.add(`Seq Scan ${node["Relation Name"]}`);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk((rows[0]["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0]!.Plan);
      return [...used].join(", ");
    };

    type Row = { label: string; p50: number; p95: number; baseline: number | null; target: number; plan: string };
    const results: Row[] = [];
    const measure = async (label: string, query: Query, target: number, baselineQuery: Query | "seqscan" | null) => {
      const main = await sample(() => runOnce(query, false), ITERATIONS);
      const base =
        baselineQuery === null
          ? null
          : await sample(
              () => (baselineQuery === "seqscan" ? runOnce(query, true) : runOnce(baselineQuery, false)),
              BASELINE_ITERATIONS,
              2,
            );
      results.push({ label, ...main, baseline: base?.p95 ?? null, target, plan: await plan(query) });
      process.stderr.write(`  measured ${label}\n`);
    };

    const naiveCounts = sql`
      select i.resource_type, count(*) as items, count(*) filter (where m.status = 'synced') as synced, count(*) filter (where m.status = 'failed') as failed
      from shopify_index_items i left join sync_mappings m on m.store_id = i.store_id and m.resource_type = i.resource_type and m.shopify_id = i.shopify_id
      where i.store_id = ${big} group by i.resource_type`;
    await measure("counts (overview): counters + last synced per type", syncCountsQuery(big), 50, naiveCounts);

    // Deep pages start 90 % of the way into the tab (or into the tab's search matches).
    const deepCursor = async (tab: "all" | "synced" | "failed" | "not_synced", q?: string) => {
      const condition = {
        all: "true",
        synced: "sync_status = 'synced'",
        failed: "sync_status = 'failed'",
        not_synced: "sync_status is null",
      }[tab];
      const { likePattern } = await import("../lib/sync/list-sync-items");
      const { rows } = await client.query(
        `select shopify_id from shopify_index_items where store_id = $1 and resource_type = 'order' and ${condition} ${q ? "and exists (select 1 from shopify_index_search s where s.store_id = $1 and s.resource_type = 'order' and s.shopify_id = shopify_index_items.shopify_id and s.search_text like $2)" : ""}
         order by shopify_id desc offset (select (count(*) * 0.9)::int from shopify_index_items where store_id = $1 and resource_type = 'order' and ${condition} ${q ? "and exists (select 1 from shopify_index_search s where s.store_id = $1 and s.resource_type = 'order' and s.shopify_id = shopify_index_items.shopify_id and s.search_text like $2)" : ""}) limit 1`,
        q ? [big, likePattern(q)] : [big],
      );
      return rows[0] ? Number(rows[0].shopify_id) : null;
    };
    // A rare term (one customer's email: ~4 orders), a mid-frequency one (~1 % of orders: #1234,
    // #12340–#12349, #123400–…) and one that every order matches.
    const terms = [
      { name: "rare", q: "customer4242@" },
      { name: "1 %", q: "#1234" },
      { name: "every order", q: "@example" },
    ];
    for (const tab of ["all", "synced", "failed", "not_synced"] as const) {
      for (const term of [null, ...terms]) {
        for (const deep of [false, true]) {
          const afterId = deep ? await deepCursor(tab, term?.q) : null;
          if (deep && afterId === null) continue;
          const label = `list ${tab}, ${deep ? "deep page (90 %)" : "first page"}${term ? `, q ${term.name} "${term.q}"` : ""}`;
          await measure(
            label,
            syncItemsQuery({ storeId: big, type: "order", tab, q: term?.q, afterId, limit: 51 }),
            100,
            "seqscan",
          );
        }
      }
    }
    // A page by number (a reload, a link, "Last", a jump) first finds where it starts: an
    // index-only walk past the pages before it. Page 2,000 is the last page of a 100k-row list.
    // A tab without a search knows its total from the counters (tabTotalQuery), so a page past its
    // middle is found from the other end (decision 96): the rows below time that walk, with the
    // walk from the top — what it replaces — as their baseline.
    const totalOf = async (tab: "all" | "synced" | "failed" | "not_synced") =>
      Number((await db.execute<{ total: string }>(tabTotalQuery({ storeId: big, type: "order", tab }))).rows[0]!.total);
    await measure(
      "tab total from the counters (what a jump reads first)",
      tabTotalQuery({ storeId: big, type: "order", tab: "all" }),
      50,
      null,
    );
    for (const [tab, page] of [
      ["all", 2_000],
      ["all", 18_000],
      ["failed", 700],
      ["not_synced", 1_500],
    ] as const) {
      await measure(
        `page by number: start of page ${page.toLocaleString("en-US")} of ${tab} (${((page - 1) * 50).toLocaleString("en-US")} rows skipped)`,
        pageStartQuery({ storeId: big, type: "order", tab, page, limit: 50 }),
        100,
        "seqscan",
      );
    }
    const allPages = Math.ceil((await totalOf("all")) / 50);
    for (const [tab, page] of [
      ["all", 10_001],
      ["all", 18_000],
      ["all", allPages],
      ["failed", Math.ceil((await totalOf("failed")) / 50)],
    ] as const) {
      const total = await totalOf(tab);
      await measure(
        `page by number from the end: start of page ${page.toLocaleString("en-US")} of ${tab} (${Math.max(total - (page - 1) * 50 - 1, 0).toLocaleString("en-US")} rows skipped from the end)`,
        pageStartQuery({ storeId: big, type: "order", tab, page, limit: 50, total }),
        100,
        pageStartQuery({ storeId: big, type: "order", tab, page, limit: 50 }),
      );
    }
    // A search's total, counted up to 10,000 (+1 to know there are more).
    for (const term of terms) {
      await measure(
        `search total (capped at 10,000), q ${term.name} "${term.q}"`,
        countItemsQuery({ storeId: big, type: "order", tab: "all", q: term.q, cap: 10_000 }),
        100,
        "seqscan",
      );
    }
    // Mappings Shopify refused to store (mirror=failed), read mapping first along their partial
    // index, with 5 % of the store's mappings pending beside them (BIG.mirrorPendingShare).
    const refusedDeep = Number(
      (
        await client.query(
          `select shopify_id from sync_mappings where store_id = $1 and resource_type = 'order' and mirror_state = 'failed' order by shopify_id desc
           offset (select (count(*) * 0.9)::int from sync_mappings where store_id = $1 and resource_type = 'order' and mirror_state = 'failed') limit 1`,
          [big],
        )
      ).rows[0].shopify_id,
    );
    for (const afterId of [null, refusedDeep]) {
      await measure(
        `list refused by Shopify (mirror=failed), ${afterId ? "deep page (90 %)" : "first page"}`,
        syncItemsQuery({ storeId: big, type: "order", tab: "all", mirror: "failed", afterId, limit: 51 }),
        100,
        "seqscan",
      );
    }
    // The whole service calls the routes make (store check, counts, mirror backlog, index state; store check and page).
    const overviewService = await sample(
      () => wall(() => getSyncOverview({ storeId: big, organizationId: org })),
      ITERATIONS,
    );
    results.push({
      label: "getSyncOverview() — the overview route's service, all its queries",
      ...overviewService,
      baseline: null,
      target: 50,
      plan: "—",
    });
    const listService = await sample(
      () =>
        wall(() =>
          listSyncItems({
            storeId: big,
            organizationId: org,
            type: "order",
            tab: "failed",
            q: undefined,
            after: undefined,
            limit: 50,
          }),
        ),
      ITERATIONS,
    );
    results.push({
      label: "listSyncItems() — the items route's service, failed tab, first page",
      ...listService,
      baseline: null,
      target: 100,
      plan: "—",
    });
    // "Last" on the million-row list: store check, counters, the walk from the end, the page.
    const lastService = await sample(
      () =>
        wall(() =>
          listSyncItems({
            storeId: big,
            organizationId: org,
            type: "order",
            tab: "all",
            q: undefined,
            page: allPages,
            limit: 50,
          }),
        ),
      ITERATIONS,
    );
    results.push({
      label: `listSyncItems() — the items route's service, all tab, last page (${allPages.toLocaleString("en-US")}) by number`,
      ...lastService,
      baseline: null,
      target: 100,
      plan: "—",
    });
    client.release();

    console.log(
      `### Big store (1,000,000 orders indexed, 1,000,000 mapping rows) among ${storeIds.length} stores — ${ITERATIONS} warm iterations per query, baseline ${BASELINE_ITERATIONS}\n`,
    );
    console.log(
      "| query | p50 ms | p95 ms | baseline p95 ms | target p95 | result | plan (indexes used) |\n|---|---|---|---|---|---|---|",
    );
    for (const row of results) {
      console.log(
        `| ${row.label} | ${fmt(row.p50, 2)} | ${fmt(row.p95, 2)} | ${row.baseline === null ? "—" : fmt(row.baseline, 0)} | < ${row.target} ms | ${row.p95 < row.target ? "pass" : "miss"} | ${row.plan} |`,
      );
    }
    console.log(
      `\nBaselines: counts — the naive COUNT over the index joined with the mappings (what the counters replace); list pages — the same SQL with enable_indexscan, enable_bitmapscan and enable_indexonlyscan off (sequential scan, sort).`,
    );
  } finally {
    await closeDb();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
