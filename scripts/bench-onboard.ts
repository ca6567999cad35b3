// `npm run bench:onboard`: how long until a new store is ready? For each size, on a fresh database
// (`synco_bench_onboard` on the embedded PostgreSQL, dropped and created again, so its statistics
// know nothing, as on a new install), one app server process with its workers (the API routes,
// lib/testing/route-server-main.ts) and a user who signs up, creates an organization and adds the
// store through the API, as the pages do. Timed: from the request to the moment the overview
// (GET …/sync/overview, read every 250 ms) shows the refresh succeeded with every item counted,
// and each phase of the seed and first-refresh runs, from their events. Small, medium and large
// are "Add a sandbox store"; `xl` is a store of 300k orders seeded by the sandbox's generator and
// connected with a custom app's token (the only way a store of that size arrives: the add-store
// page offers up to large), so it has no earlier sync state to read. The database's longest
// statement is sampled from pg_stat_activity every 100 ms (pg_stat_statements is not in the
// embedded build), so it is a lower bound within 100 ms.
//   npm run bench:onboard -- [--sizes small,medium,large,xl]
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import { startAppProcess, type AppProcess } from "../lib/testing/child-processes";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "small,medium,large,xl" } } });
const SIZES = values.sizes.split(",") as Size[];
const DATABASE = "synco_bench_onboard";
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.SYNCO_BENCH_PORT ?? 3290 + (Number(process.env.SYNCO_PG_PORT ?? 54329) % 100));
const base = `http://127.0.0.1:${port}`;

type Size = "small" | "medium" | "large" | "xl";
const XL = { products: 15_000, customers: 60_000, orders: 300_000 };
type Result = {
  size: Size;
  items: { product: number; customer: number; order: number };
  mappings: number;
  totalSeconds: number;
  /** The machine's 1-minute load average when the store was requested and when it was ready. */
  load: { start: number; end: number };
  phases: { name: string; seconds: number }[];
  longest: {
    seconds: number;
    query: string;
    product: { seconds: number; query: string };
    busy: { query: string; seconds: number }[];
  };
};

const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

const server = await startEmbeddedPostgres({
  dataDir: path.resolve(root, process.env.SYNCO_DATA_DIR ?? ".data"),
  port: Number(process.env.SYNCO_PG_PORT ?? 54329),
  strictPort: process.env.SYNCO_PG_PORT !== undefined,
});

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
  await ensureDatabase(server.adminUrl, DATABASE);
  const url = server.urlFor(DATABASE);
  await migrateDatabase(url);
  return url;
}

/** Samples the database's active statements; the longest seen, with its text. */
function sampleStatements(url: string) {
  const client = new pg.Client({ connectionString: url, application_name: "bench-sampler" });
  const longest = { seconds: 0, query: "", product: { seconds: 0, query: "" } };
  // Where the database's time goes: each sample counts 100 ms for every statement then active.
  const busy = new Map<string, number>();
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ seconds: number; query: string }>(
        `select extract(epoch from clock_timestamp() - query_start)::float8 as seconds, query from pg_stat_activity
         where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'
           and query not ilike 'analyze %' and query not ilike '%fetch % from%pgboss%'`,
      );
      for (const row of rows) {
        const key = row.query.replace(/\s+/g, " ").trim().slice(0, 110);
        busy.set(key, (busy.get(key) ?? 0) + 0.1);
        if (row.seconds > longest.seconds) Object.assign(longest, { seconds: row.seconds, query: row.query });
        // The product's own statements, apart from the sandboxes' (Shopify's generator and Admin API, Odoo's records).
        if (!/sandbox_(shopify|odoo)_/.test(row.query) && row.seconds > longest.product.seconds)
          Object.assign(longest.product, { seconds: row.seconds, query: row.query });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      const top = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 8);
      return { ...longest, busy: top.map(([query, seconds]) => ({ query, seconds })) };
    },
  };
}

class Api {
  cookie = "";
  async call(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        origin: base,
        "x-forwarded-for": `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const session = res.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0]!)
      .find((cookie) => cookie.includes("session_token="));
    if (session) this.cookie = session;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  async expect(status: number, method: string, url: string, body?: unknown) {
    const res = await this.call(method, url, body);
    if (res.status !== status) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

async function seedXlShop(url: string) {
  // The sandbox's own generator, on the bench database (imported now: the client reads DATABASE_URL).
  process.env.DATABASE_URL = url;
  const { createSandboxShop, seedSandboxStore } = await import("../lib/sandbox/shopify/provisioning");
  const { closeDb } = await import("../db/client");
  const { shop, accessToken, installation } = await createSandboxShop({
    domain: `bench-xl-${randomBytes(4).toString("hex")}.myshopify.com`,
    name: "Bench 300k",
    throttleEnabled: false,
  });
  await seedSandboxStore({ shopId: shop.id, sizes: { ...XL, metafields: 0 }, syncedShare: 0, failedShare: 0 });
  await closeDb();
  return { shop: shop.domain, accessToken: accessToken!, apiSecret: installation.apiSecret };
}

async function phasesOf(url: string, storeId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ kind: string; type: string; phase: string | null; at: Date }>(
    `select r.kind, e.type, e.data->>'phase' as phase, e.at from operation_events e join operation_runs r on r.id = e.run_id
     where r.store_id = $1 and (e.type in ('phase', 'finished') or (e.type = 'status' and e.data->>'status' = 'running'))
     order by e.at, e.seq`,
    [storeId],
  );
  const { rows: mapped } = await client.query<{ n: number }>(
    `select count(*)::int as n from sync_mappings where store_id = $1`,
    [storeId],
  );
  await client.end();
  const phases: { name: string; seconds: number }[] = [];
  let open: { name: string; at: Date } | null = null;
  for (const row of rows) {
    if (open) phases.push({ name: open.name, seconds: (row.at.getTime() - open.at.getTime()) / 1000 });
    open =
      row.type === "phase" ? { name: `${row.kind === "seed" ? "seed" : "refresh"} ${row.phase}`, at: row.at } : null;
    if (row.type === "status" && row.kind !== "seed") open = { name: "refresh start", at: row.at };
  }
  return { phases: phases.filter((phase) => phase.seconds >= 0.05), mappings: mapped[0]!.n };
}

async function onboard(size: Size): Promise<Result> {
  const url = await freshDatabase();
  let app: AppProcess | null = null;
  let xlShop: Awaited<ReturnType<typeof seedXlShop>> | null = null;
  let seedSeconds = 0;
  if (size === "xl") {
    const seeding = performance.now();
    xlShop = await seedXlShop(url);
    seedSeconds = (performance.now() - seeding) / 1000;
  }
  try {
    app = await startAppProcess({
      workers: true,
      env: {
        DATABASE_URL: url,
        ROUTE_SERVER_PORT: String(port),
        SYNCO_APP_URL: base,
        SYNCO_DEV_SHOPIFY_ORIGIN: `${base}/api/sandbox/shopify/{shop}`,
        BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0123",
        SYNCO_ENCRYPTION_KEY: process.env.SYNCO_ENCRYPTION_KEY ?? Buffer.alloc(32, 9).toString("base64"),
        // BENCH_CPU_PROF_DIR=dir: the app process writes a V8 CPU profile there when it stops.
        ...(process.env.BENCH_CPU_PROF_DIR
          ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}` }
          : {}),
      },
    });
    const api = new Api();
    await api.expect(200, "POST", "/api/auth/sign-up/email", {
      email: `bench-${randomBytes(4).toString("hex")}@example.test`,
      name: "Bench",
      password: "bench-onboard-2026",
    });
    await api.expect(201, "POST", "/api/organizations", { name: "Bench agency" });

    const sampler = sampleStatements(url);
    const loadAtStart = os.loadavg()[0]!;
    const started = performance.now();
    const { store } =
      size === "xl"
        ? await api.expect(201, "POST", "/api/stores/token", xlShop)
        : await api.expect(201, "POST", "/api/stores/sandbox", { size });
    let overview: any;
    for (;;) {
      ({ overview } = await api.expect(200, "GET", `/api/stores/${store.id}/sync/overview`));
      if (overview.index.state === "succeeded") break;
      if (overview.index.state === "failed") throw new Error(`the refresh failed: ${overview.index.lastError}`);
      if (performance.now() - started > 1_800_000) throw new Error("not ready after 30 minutes");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const longest = await sampler.stop();
    const { phases, mappings } = await phasesOf(url, store.id);
    if (size === "xl") phases.unshift({ name: "sandbox generator (before connecting)", seconds: seedSeconds });
    return {
      size,
      items: {
        product: overview.types.product.total,
        customer: overview.types.customer.total,
        order: overview.types.order.total,
      },
      mappings,
      totalSeconds,
      load: { start: loadAtStart, end: os.loadavg()[0]! },
      phases,
      longest,
    };
  } finally {
    await app?.stop();
  }
}

function phaseReport(r: Result): string {
  const phased = r.phases.reduce((sum, phase) => sum + phase.seconds, 0) - (r.size === "xl" ? r.phases[0]!.seconds : 0);
  const rows = [...r.phases, { name: "between phases (queues, requests, polling)", seconds: r.totalSeconds - phased }];
  return [
    `${r.size}: ${fmt(r.totalSeconds)} s from the request to the overview's final counts (load average ${fmt(r.load.start)} → ${fmt(r.load.end)}); phases (s)`,
    ...rows.map((phase) => `  ${phase.name.padEnd(44)} ${fmt(phase.seconds)}`),
    `  longest statement (${fmt(r.longest.seconds, 2)} s): ${r.longest.query.replace(/\s+/g, " ").slice(0, 160)}`,
    `  longest outside the sandbox (${fmt(r.longest.product.seconds, 2)} s): ${r.longest.product.query.replace(/\s+/g, " ").slice(0, 160)}`,
    `  database busy (sampled, s):`,
    ...r.longest.busy.map((entry) => `    ${fmt(entry.seconds).padStart(6)}  ${entry.query}`),
  ].join("\n");
}

const results: Result[] = [];
try {
  for (const size of SIZES) {
    process.stderr.write(`onboarding a ${size} store… (load average ${fmt(os.loadavg()[0]!)})\n`);
    const result = await onboard(size);
    results.push(result);
    process.stderr.write(`${phaseReport(result)}\n`);
  }
} finally {
  await server.stop();
}

const cpus = os.cpus();
console.log(
  `\nbench:onboard — ${new Date().toISOString()}, ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, load average ${os
    .loadavg()
    .map((n) => fmt(n))
    .join(" / ")}`,
);
console.log(
  "\n| store | products | customers | orders | mappings | request → overview final | longest statement (sampled) | longest outside the sandbox |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results)
  console.log(
    `| ${r.size} | ${r.items.product.toLocaleString("en-US")} | ${r.items.customer.toLocaleString("en-US")} | ${r.items.order.toLocaleString("en-US")} | ${r.mappings.toLocaleString("en-US")} | ${fmt(r.totalSeconds)} s | ${fmt(r.longest.seconds, 2)} s | ${fmt(r.longest.product.seconds, 2)} s |`,
  );
for (const r of results) console.log(`\n${phaseReport(r)}`);
