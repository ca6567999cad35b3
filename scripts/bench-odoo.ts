// `npm run bench:odoo`: the Odoo client against the standalone sandbox Odoo (a child process) —
// calls/s and records/s for search_read of 1,000 records and batched create of 1,000 partners,
// over JSON-2 and JSON-RPC (one Odoo 19 database, which serves both), beside the sandbox's own
// ceiling measured in the same run: the same requests, pre-serialised, sent by bare fetch at the
// same concurrency, in alternating rounds (the median of each). The client should reach ≥ 80 % of
// the ceiling.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { openBenchDatabase } from "./bench/bench-database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CONCURRENCY = 4;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main() {
  const database = await openBenchDatabase({ root });
  process.env.DATABASE_URL = database.url;
  const { createSandboxOdooDatabase } = await import("../lib/sandbox/odoo/create-sandbox-odoo-database");
  const { createOdooClient } = await import("../lib/odoo/create-odoo-client");
  const { closeDb } = await import("../db/client");
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/sandbox-odoo.ts")],
    {
      cwd: root,
      env: { ...process.env, SANDBOX_ODOO_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => line.includes("serving") && resolve());
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  try {
    const db = await createSandboxOdooDatabase({ name: `bench_${Date.now()}`, version: 19 });
    const url = `http://127.0.0.1:${port}/api/sandbox/odoo/${db.database.name}`;
    // A standalone sandbox on loopback, not the app's own: the address guard needs the operator's opt-in.
    process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = "true";
    const client = (protocol: "json2" | "jsonrpc") =>
      createOdooClient({
        url,
        database: db.database.name,
        login: "admin",
        apiKey: db.apiKey,
        protocol,
        concurrency: CONCURRENCY,
      });
    const partners = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => ({ name: `Bench ${tag} ${i}`, email: `b${tag}${i}@example.com` }));
    await client("json2").create("res.partner", partners(1000, "seed"));
    const fields = ["name", "email", "phone", "country_id"];
    const domain = [["email", "like", "bseed"]];

    const rows: string[][] = [];
    for (const protocol of ["json2", "jsonrpc"] as const) {
      const c = client(protocol);
      const uid = await c.uid();
      const raw = rawSender(url, db.database.name, uid, db.apiKey, protocol);
      const readBody = raw.body("res.partner", "search_read", { domain, fields, limit: 1000 });
      const [read, readCeiling] = await alternate(
        () =>
          measure(() =>
            c.searchRead("res.partner", { domain, fields, limit: 1000 }).then((r) => check(r.length, 1000)),
          ),
        () => measure(() => raw.send(readBody).then((r) => check((r as unknown[]).length, 1000))),
      );
      let batch = 0;
      const create10 = Array.from({ length: 10 }, (_, i) => partners(100, `${protocol}x${i}`));
      const [create, createCeiling] = await alternate(
        () =>
          measure(async () => {
            const ids = await c.create("res.partner", partners(1000, `${protocol}c${batch++}`));
            check(ids.length, 1000);
          }, 1),
        () =>
          measure(async () => {
            const answers = await Promise.all(
              create10.map((list) => raw.send(raw.body("res.partner", "create", { vals_list: list }))),
            );
            check(answers.flat().length, 1000);
          }, 1),
      );
      rows.push(row(`search_read 1,000 (${protocol})`, read, readCeiling, 1000, 1));
      rows.push(row(`create 1,000 partners, batches of 100 (${protocol})`, create, createCeiling, 1000, 10));
    }
    printTable(rows);
  } finally {
    child.kill("SIGTERM");
    await closeDb();
    await database.stop();
  }
}

function rawSender(url: string, database: string, uid: number, key: string, protocol: "json2" | "jsonrpc") {
  return {
    body: (model: string, method: string, args: Record<string, unknown>) =>
      protocol === "json2"
        ? { path: `/json/2/${model}/${method}`, text: JSON.stringify(args) }
        : {
            path: "/jsonrpc",
            text: JSON.stringify({
              jsonrpc: "2.0",
              method: "call",
              id: 1,
              params: { service: "object", method: "execute_kw", args: [database, uid, key, model, method, [], args] },
            }),
          },
    send: async ({ path: p, text }: { path: string; text: string }) => {
      const response = await fetch(`${url}${p}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(protocol === "json2" ? { authorization: `bearer ${key}` } : {}),
        },
        body: text,
      });
      const body = (await response.json()) as { result?: unknown };
      return protocol === "json2" ? body : body.result;
    },
  };
}

function check(actual: number, expected: number) {
  if (actual !== expected) throw new Error(`expected ${expected} records, got ${actual}`);
}

/**
 * The client's and the ceiling's measurements taken in turns, ROUNDS times each, and the median of
 * each kept: on a machine shared with other work, load that comes and goes then weighs on both
 * alike instead of on whichever ran during it.
 */
async function alternate(client: () => Promise<number>, ceiling: () => Promise<number>): Promise<[number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await client());
    b.push(await ceiling());
  }
  return [median(a), median(b)];
}

const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)]!;

/** Runs `work` from `workers` loops for SECONDS after a short warm-up; operations per second. */
async function measure(work: () => Promise<void>, workers = CONCURRENCY): Promise<number> {
  for (let i = 0; i < 2; i++) await work();
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < until) {
        await work();
        done++;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

function row(name: string, client: number, ceiling: number, records: number, callsPerOp: number): string[] {
  const f = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return [
    name,
    f(client * callsPerOp),
    f(client * records),
    f(ceiling * callsPerOp),
    f(ceiling * records),
    `${Math.round((client / ceiling) * 100)} %`,
  ];
}

function printTable(rows: string[][]) {
  const header = [
    "operation",
    "client calls/s",
    "client records/s",
    "ceiling calls/s",
    "ceiling records/s",
    "client / ceiling",
  ];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
