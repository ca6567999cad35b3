// `npm run bench:sse`: how fast does an operation's progress reach the pages watching it? One
// production app server (`next start`, the same build `npm start` serves) on a dedicated database
// (`synco_bench_sse` on the embedded PostgreSQL), its workers off. This process writes events the
// way a worker does (run row + event row + NOTIFY, one transaction) at a steady rate and reads
// every stream itself, timing each event from its commit (the write acknowledged) to its arrival.
// A run sends at most 4 progress events a second (PROGRESS_EVENT_INTERVAL_MS), so that is the
// rate per run. Scenarios, in the same run: 1 stream; 500 streams on one run (a whole team
// watching one clear); 500 streams over 50 runs; 500 streams on one run at 20 events a second
// (five times what a run sends); the second scenario again (does memory keep growing?).
// Reported: p50/p99/max delay, events delivered, the server's peak RSS, CPU and database
// connections (pool, LISTEN connection, job queue), idle and during the streams.
//   npm run bench:sse -- [--seconds 20] [--streams 500]
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    streams: { type: "string", default: "500" },
  },
});
const SECONDS = Number(values.seconds);
const STREAMS = Number(values.streams);
const DATABASE = "synco_bench_sse";
const SERVER_APP = "synco-bench-server";
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.SYNCO_BENCH_PORT ?? 3190 + (Number(process.env.SYNCO_PG_PORT ?? 54329) % 100));
const base = `http://127.0.0.1:${port}`;

const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function openBenchDatabase() {
  if (process.env.DATABASE_URL) {
    await migrateDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(root, process.env.SYNCO_DATA_DIR ?? ".data"),
    port: Number(process.env.SYNCO_PG_PORT ?? 54329),
    strictPort: process.env.SYNCO_PG_PORT !== undefined,
  });
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
  await ensureDatabase(server.adminUrl, DATABASE);
  const url = server.urlFor(DATABASE);
  await migrateDatabase(url);
  return { url, stop: server.stop };
}

/** `npm start` on the bench database: builds if the sources changed, then `next start`. */
async function startServer(url: string): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      SYNCO_APP_URL: base,
      SYNCO_WORKERS: "off",
      // The bench's clients stand for many people behind this machine, as if it were their proxy.
      SYNCO_TRUSTED_PROXIES: "127.0.0.1,::1",
      PGAPPNAME: SERVER_APP,
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("the app server exited before it was ready");
    const ok = await fetch(`${base}/api/health`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the app server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** The process that serves HTTP: the `next start` child of the start script. */
async function serverPid(startPid: number): Promise<number> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === startPid) return Number(entry);
  }
  throw new Error("no server process found");
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** CPU seconds the process has used (user + system). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function connections(db: pg.Client) {
  const { rows } = await db.query<{ name: string; n: number }>(
    `select application_name as name, count(*)::int as n from pg_stat_activity where datname = $1 group by 1`,
    [DATABASE],
  );
  const of = (name: string) => rows.find((row) => row.name === name)?.n ?? 0;
  return { pool: of(SERVER_APP), listener: of(`${SERVER_APP}:operation-events`), jobs: of("synco-jobs") };
}

async function signUp(): Promise<{ cookie: string }> {
  const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const email = `bench-${Date.now().toString(36)}@example.test`;
  const res = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip, origin: base },
    body: JSON.stringify({ email, name: "Bench", password: "bench-password-42" }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session_token="))!;
  const org = await fetch(`${base}/api/organizations`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ name: "SSE bench" }),
  });
  if (!org.ok) throw new Error(`organization failed: ${org.status}`);
  return { cookie };
}

type Stream = { close: () => void; done: Promise<void> };

const SNAPSHOT = Buffer.from("event: snapshot\n");
const ID = Buffer.from("\nid: ");

/**
 * Opens a run's stream with node:http (light on CPU: the clients share the machine with the
 * server they measure); calls `onEvent(seq, arrivedAt)` for every event after the snapshot.
 */
function openStream(url: string, cookie: string, onEvent: (seq: number, at: number) => void): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let done!: () => void;
    const ended = new Promise<void>((r) => (done = r));
    const req = http.get(url, { headers: { cookie, accept: "text/event-stream" }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
      let ready = false;
      let pending = Buffer.alloc(0);
      res.on("data", (chunk: Buffer) => {
        const at = performance.now();
        let buffer = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        for (;;) {
          const end = buffer.indexOf("\n\n");
          if (end < 0) break;
          const block = buffer.subarray(0, end);
          buffer = buffer.subarray(end + 2);
          if (!ready) {
            if (block.indexOf(SNAPSHOT) === 0) {
              ready = true;
              resolve({ close: () => req.destroy(), done: ended });
            }
            continue;
          }
          const id = block.indexOf(ID);
          if (id >= 0) onEvent(Number(block.subarray(id + ID.length, block.indexOf(10, id + 1)).toString()), at);
        }
        pending = Buffer.from(buffer);
      });
      res.on("close", done);
    });
    req.on("error", () => done());
  });
}

/** `rate`: events a second on each run. */
type Scenario = { name: string; streams: number; runs: number; rate: number };
type Result = Scenario & {
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  rss: number;
  conns: Awaited<ReturnType<typeof connections>>;
  serverCpu: number;
  clientCpu: number;
};

async function main() {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.PGAPPNAME = "synco-bench-client";
  const { db } = await import("../db/client");
  const { changeRun } = await import("../lib/operations/change-run");
  const monitor = new pg.Client({ connectionString: database.url });
  await monitor.connect();

  const server = await startServer(database.url);
  const pid = await serverPid(server.child.pid!);
  const { cookie } = await signUp();
  const store = await fetch(`${base}/api/stores/sandbox`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ size: "small" }),
  }).then((res) => res.json() as Promise<{ store: { id: string; organizationId: string } }>);
  const storeId = store.store.id;

  // Runs to write to: the refresh adding the store queued (no worker takes it), and one on each of
  // 49 more stores of the organization (rows copied from the first: one active refresh per store).
  const { rows: firstRun } = await monitor.query<{ id: string }>(`select id from operation_runs where store_id = $1`, [
    storeId,
  ]);
  const targets = [{ storeId, runId: firstRun[0]!.id }];
  for (let i = 1; i < 50; i++) {
    const { rows } = await monitor.query<{ store_id: string; run_id: string }>(
      `with s as (
         insert into stores (id, organization_id, shop_domain, kind, connection_method, name, api_version, status)
         select gen_random_uuid()::text, organization_id, 'bench-' || $2 || '.myshopify.com', 'sandbox', 'sandbox', name, api_version, 'connected'
         from stores where id = $1 returning id, organization_id)
       insert into operation_runs (organization_id, store_id, kind, status, last_seq)
       select organization_id, id, 'index_refresh', 'running', 0 from s returning store_id, id as run_id`,
      [storeId, `${i}-${Date.now().toString(36)}`],
    );
    targets.push({ storeId: rows[0]!.store_id, runId: rows[0]!.run_id });
  }

  const idle = { rss: await rssMb(pid), conns: await connections(monitor) };
  const scenarios: Scenario[] = [
    { name: "1 stream, 4 events/s", streams: 1, runs: 1, rate: 4 },
    { name: `${STREAMS} streams on one run, 4 events/s`, streams: STREAMS, runs: 1, rate: 4 },
    { name: `${STREAMS} streams over 50 runs, 4 events/s each`, streams: STREAMS, runs: 50, rate: 4 },
    { name: `${STREAMS} streams on one run, 20 events/s (5× a run's rate)`, streams: STREAMS, runs: 1, rate: 20 },
    // Again, to see whether memory keeps growing from one round of streams to the next.
    { name: `${STREAMS} streams on one run, 4 events/s, again`, streams: STREAMS, runs: 1, rate: 4 },
  ];
  const results: Result[] = [];
  // Warm-up, not reported: the server's first hundreds of streams compile and cache what they use.
  await runScenario({ name: "warm-up", streams: STREAMS, runs: 1, rate: 4 }, 5);
  for (const scenario of scenarios) results.push(await runScenario(scenario, SECONDS));

  async function runScenario(scenario: Scenario, seconds: number): Promise<Result> {
    const runs = targets.slice(0, scenario.runs);
    const committed = new Map<string, number>();
    const delays: number[] = [];
    const pending: { key: string; at: number }[] = [];
    const streams: Stream[] = [];
    for (let i = 0; i < scenario.streams; i += 50) {
      streams.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, scenario.streams - i) }, (_, j) => {
            const target = runs[(i + j) % runs.length]!;
            return openStream(
              `${base}/api/stores/${target.storeId}/operations/${target.runId}/events`,
              cookie,
              (seq, at) => pending.push({ key: `${target.runId}:${seq}`, at }),
            );
          }),
        )),
      );
    }
    let peakRss = 0;
    const sampler = setInterval(() => void rssMb(pid).then((mb) => (peakRss = Math.max(peakRss, mb))), 200);
    let conns = await connections(monitor);
    const cpuBefore = { server: await cpuSeconds(pid), client: process.cpuUsage() };
    const started = performance.now();
    const events = scenario.rate * scenario.runs * seconds;
    for (let n = 0; n < events; n++) {
      const due = started + (n * 1000) / (scenario.rate * scenario.runs);
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { runId } = runs[n % runs.length]!;
      const row = await changeRun(db, runId, { add: { order: { done: 1 } }, event: { type: "progress" } });
      committed.set(`${runId}:${row!.lastSeq}`, performance.now());
      if (n === Math.floor(events / 2)) conns = await connections(monitor);
    }
    const perRun = scenario.streams / scenario.runs;
    const expected = events * perRun;
    const deadline = performance.now() + 30_000;
    while (pending.length < expected && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(sampler);
    const serverCpu = (await cpuSeconds(pid)) - cpuBefore.server;
    const clientUsage = process.cpuUsage(cpuBefore.client);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
    for (const { key, at } of pending) {
      const at0 = committed.get(key);
      if (at0 !== undefined) delays.push(Math.max(0, at - at0));
    }
    delays.sort((a, b) => a - b);
    for (const stream of streams) stream.close();
    await Promise.all(streams.map((stream) => stream.done));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return {
      ...scenario,
      delivered: delays.length,
      expected,
      p50: pct(delays, 50),
      p99: pct(delays, 99),
      max: delays.at(-1) ?? 0,
      rss: peakRss,
      conns,
      serverCpu,
      clientCpu,
    };
  }
  const after = { rss: await rssMb(pid), conns: await connections(monitor) };

  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  console.log(
    `\nbench:sse — ${SECONDS} s of events per scenario, one \`next start\` process (workers off), ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    line([
      "scenario",
      "events delivered",
      "commit → arrival p50",
      "p99",
      "max",
      "server RSS (peak)",
      "server DB connections (pool + LISTEN + jobs)",
      "CPU s: server / bench clients",
    ]),
  );
  console.log(line(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
  console.log(
    line([
      "idle, before",
      "–",
      "–",
      "–",
      "–",
      `${fmt(idle.rss, 0)} MB`,
      `${idle.conns.pool} + ${idle.conns.listener} + ${idle.conns.jobs}`,
      "–",
    ]),
  );
  for (const r of results)
    console.log(
      line([
        r.name,
        `${r.delivered.toLocaleString("en-US")} / ${r.expected.toLocaleString("en-US")}`,
        `${fmt(r.p50)} ms`,
        `${fmt(r.p99)} ms`,
        `${fmt(r.max)} ms`,
        `${fmt(r.rss, 0)} MB`,
        `${r.conns.pool} + ${r.conns.listener} + ${r.conns.jobs}`,
        `${fmt(r.serverCpu)} / ${fmt(r.clientCpu)}`,
      ]),
    );
  console.log(
    line([
      "idle, after",
      "–",
      "–",
      "–",
      "–",
      `${fmt(after.rss, 0)} MB`,
      `${after.conns.pool} + ${after.conns.listener} + ${after.conns.jobs}`,
      "–",
    ]),
  );
  console.log(
    `\nmachine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((n) => fmt(n, 2))
      .join(" / ")} (1/5/15 min) at the end, shared with other work`,
  );
  const atRate = results.filter((r) => r.streams === STREAMS && r.rate === 4);
  const worst = Math.max(...atRate.map((r) => r.p99));
  const stress = results.find((r) => r.rate === 20)!;
  console.log(
    `\ntarget: p99 under 250 ms with ${STREAMS} streams — ${worst < 250 ? "met" : "MISSED"} (worst ${fmt(worst)} ms at a run's rate; ${fmt(stress.p99)} ms at five times it; 1 stream: ${fmt(results[0]!.p99)} ms)`,
  );

  await monitor.end();
  const { closeDb } = await import("../db/client");
  await closeDb();
  await server.stop();
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
