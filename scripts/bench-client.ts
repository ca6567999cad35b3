// `npm run bench:client`: how close the Shopify client runs to each plan's rate limit. For every
// plan preset it measures, against the standalone sandbox in its own process (real HTTP), the
// steady-state throughput — after the initial bucket is spent — of a cheap query and of 25-item
// metafieldsDelete calls, as a share of the plan's limit (restoreRate / cost per call, with the
// cost the sandbox reported in the same run). Target: ≥ 90%. Prints a Markdown table.
//   npm run bench:client -- [--seconds 10] [--bucket-seconds 2]
// (run by tsx with --conditions=react-server, because the client module is server-only)
// --bucket-seconds sets each shop's bucket to that many seconds of refill (Shopify's own is 20):
// steady state depends only on the restore rate; a smaller bucket keeps the warm-up short.
// It also measures what the sandbox itself can serve on this machine (plain fetch, a bucket that
// never runs short), since on a small machine the fastest plans ask for more than that: the
// standalone server as the plans ran against it (buckets in memory) and with `--buckets postgres`
// (the store the app's route uses).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { sandboxPlan, type SandboxPlan } from "../lib/sandbox/shopify/provisioning";
import { openDatabase } from "../lib/runtime/database";
import { MAX_IN_FLIGHT } from "../lib/shopify/client/store-budget";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    "bucket-seconds": { type: "string", default: "2" },
    plans: { type: "string", default: "standard,advanced,plus,enterprise" },
    operations: { type: "string", default: "cheap,delete" },
  },
});
const WINDOW_SECONDS = Number(values.seconds);
const BUCKET_SECONDS = Number(values["bucket-seconds"]);
const PLANS: SandboxPlan[] = values.plans.split(",").map((name) => sandboxPlan(name.trim(), "--plans"));
const OPERATIONS = (["cheap query", "metafieldsDelete ×25"] as const).filter((operation) =>
  values.operations.split(",").includes(operation === "cheap query" ? "cheap" : "delete"),
);
const CALLERS = 128;
const CEILING_SECONDS = 3;
// Past this without the bucket running low, the sandbox (not the plan) is what limits the rate.
const DRAIN_LIMIT_SECONDS = 30;

const CHEAP = `#graphql
  query BenchShopId { shop { id } }`;
const DELETE = `#graphql
  mutation BenchMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) { deletedMetafields { key } userErrors { field message } }
  }`;

type Row = {
  plan: SandboxPlan;
  operation: string;
  cost: number;
  theoretical: number;
  measured: number;
  throttled: number;
  levels: { start: number; end: number };
  note: string;
};

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const database = await openDatabase({
    dataDir: path.resolve(process.env.SYNCO_DATA_DIR ?? ".data"),
    databaseName: "synco_bench_client",
  });
  process.env.DATABASE_URL = database.url;
  const { db, closeDb } = await import("../db/client");
  const { createSandboxShop } = await import("../lib/sandbox/shopify/provisioning");
  const { createShopifyClient } = await import("../lib/shopify/client/create-shopify-client");
  const sandbox = await startSandboxProcess(database.url, "memory");
  const rows: Row[] = [];
  const ceilings: string[] = [];
  const endpointOf = (url: string) => (domain: string) =>
    `${url}/api/sandbox/shopify/${domain}/admin/api/2026-01/graphql.json`;
  const endpoint = endpointOf(sandbox.url);
  try {
    for (const buckets of ["memory", "postgres"] as const) {
      const server = buckets === "memory" ? sandbox : await startSandboxProcess(database.url, buckets);
      const rates: string[] = [];
      for (const operation of OPERATIONS) {
        const domain = `bench-ceiling-${Date.now().toString(36)}.myshopify.com`;
        const { shop, accessToken } = await createSandboxShop({
          domain,
          name: "Bench ceiling",
          plan: "enterprise",
          bucketSize: 100_000_000,
        });
        const batches = operation === "cheap query" ? null : await seedMetafields(db, shop.id, 600 * CEILING_SECONDS);
        let next = 0;
        const rate = await ceiling(() =>
          fetch(endpointOf(server.url)(domain), {
            method: "POST",
            headers: { "content-type": "application/json", "x-shopify-access-token": accessToken },
            body: JSON.stringify(
              batches
                ? { query: DELETE, variables: { metafields: batches[next++ % batches.length] } }
                : { query: CHEAP },
            ),
          }).then((response) => response.text()),
        );
        rates.push(`${operation} ${rate.toFixed(0)} calls/s`);
        await db.execute(sql`delete from sandbox_shopify_shops where id = ${shop.id}`);
      }
      if (server !== sandbox) await server.stop();
      ceilings.push(
        `buckets in ${buckets === "memory" ? "memory (the server the plans ran against)" : "PostgreSQL (--buckets postgres, the app route's store)"}: ${rates.join(", ")}`,
      );
    }
    for (const plan of PLANS) {
      for (const operation of OPERATIONS) {
        const restoreRate = { standard: 100, advanced: 200, plus: 1000, enterprise: 2000 }[plan];
        const domain = `bench-${plan}-${Date.now().toString(36)}.myshopify.com`;
        const { shop, accessToken } = await createSandboxShop({
          domain,
          name: `Bench ${plan}`,
          plan,
          bucketSize: restoreRate * BUCKET_SECONDS,
        });
        const batches =
          operation === "cheap query"
            ? null
            : await seedMetafields(
                db,
                shop.id,
                Math.ceil((restoreRate / 10) * (BUCKET_SECONDS + WINDOW_SECONDS + DRAIN_LIMIT_SECONDS)),
              );
        const client = createShopifyClient({ shopDomain: domain, accessToken, endpoint: endpoint(domain) });
        let next = 0;
        const call = (signal: AbortSignal) =>
          batches
            ? client.request(DELETE, { signal, variables: { metafields: batches[next++ % batches.length] } })
            : client.request(CHEAP, { signal });
        const result = await measure(call);
        const { throttled } = client.stats().client;
        rows.push({
          plan,
          operation,
          cost: result.cost,
          theoretical: restoreRate / result.cost,
          measured: result.rate,
          throttled,
          levels: result.levels,
          note: result.note,
        });
        console.error(`[bench:client] ${plan} ${operation}: ${result.rate.toFixed(1)} calls/s`);
        await db.execute(sql`delete from sandbox_shopify_shops where id = ${shop.id}`);
      }
    }
  } finally {
    await sandbox.stop();
    await closeDb();
    await database.stop();
  }
  printReport(rows, ceilings, loadBefore);
}

// Plain HTTP, as many at a time as the client allows in flight, as fast as the sandbox answers
// (after a second of warm-up).
async function ceiling(send: () => Promise<unknown>) {
  const run = async (seconds: number) => {
    const started = performance.now();
    let calls = 0;
    const loop = async () => {
      for (; performance.now() - started < seconds * 1000; calls++) await send();
    };
    await Promise.all(Array.from({ length: MAX_IN_FLIGHT }, loop));
    return calls / ((performance.now() - started) / 1000);
  };
  await run(1);
  return run(CEILING_SECONDS);
}

type Answer = {
  extensions: {
    cost?: { actualQueryCost: number | null; throttleStatus: { currentlyAvailable: number; maximumAvailable: number } };
  };
};

// Runs CALLERS loops of `call` until Shopify reports the bucket nearly empty (two calls' worth or
// 1%), lets the burst that emptied it finish (1 s), then counts completions for WINDOW_SECONDS.
// The bucket is as low at the end, so the window measures the refill rate, not the initial bucket.
async function measure(call: (signal: AbortSignal) => Promise<Answer>) {
  let phase: "drain" | "settle" | "measure" | "stop" = "drain";
  let [started, ended, calls, points] = [0, 0, 0, 0];
  const levels = { start: 0, end: 0 };
  let note = "";
  const drainStarted = performance.now();
  let drainCalls = 0;
  // Callers still queued when the window closes are let go rather than served.
  const stop = new AbortController();
  const loop = async () => {
    while (phase !== "stop") {
      const answer = await call(stop.signal).catch((error: unknown) => {
        if (stop.signal.aborted) return null;
        throw error;
      });
      const cost = answer?.extensions.cost;
      if (!cost) return;
      const now = performance.now();
      const level = cost.throttleStatus.currentlyAvailable;
      if (phase === "drain") {
        drainCalls++;
        const low = level <= Math.max(2 * (cost.actualQueryCost ?? 0), cost.throttleStatus.maximumAvailable * 0.01);
        const outOfTime = now - drainStarted > DRAIN_LIMIT_SECONDS * 1000;
        if (!low && !outOfTime) continue;
        if (!low) note = "the bucket never ran low: the sandbox is the limit";
        console.error(
          `[bench:client]   drained to ${level} points in ${((now - drainStarted) / 1000).toFixed(1)} s (${drainCalls} calls)`,
        );
        [phase, started] = ["settle", now];
      } else if (phase === "settle") {
        if (now - started >= 1000) [phase, started, levels.start] = ["measure", now, level];
      } else if (phase === "measure") {
        calls++;
        points += cost.actualQueryCost ?? 0;
        if (now - started >= WINDOW_SECONDS * 1000) {
          [phase, ended, levels.end] = ["stop", now, level];
          stop.abort();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, loop));
  return { rate: calls / ((ended - started) / 1000), cost: points / calls, levels, note };
}

// Metafields spread over 200 products, 25 per delete call, each call touching 25 different owners.
async function seedMetafields(db: typeof import("../db/client").db, shopId: number, calls: number) {
  const owners = 200;
  const count = calls * 25;
  const products = await db.execute<{ id: number }>(sql`
    insert into sandbox_shopify_products (shop_id, title, handle)
    select ${shopId}, 'Bench product ' || n, 'bench-product-' || n from generate_series(1, ${owners}) as n
    returning id`);
  const ids = products.rows.map((row) => Number(row.id));
  await db.execute(sql`
    insert into sandbox_shopify_metafields (shop_id, owner_type, owner_id, namespace, key, type, value)
    select ${shopId}, 'PRODUCT', (${sql.raw(`array[${ids.join(",")}]::bigint[]`)})[1 + n % ${owners}], 'synco', 'k' || (n / ${owners}), 'single_line_text_field', 'x'
    from generate_series(0, ${count - 1}) as n`);
  return Array.from({ length: calls }, (_, c) =>
    Array.from({ length: 25 }, (_, i) => {
      const n = c * 25 + i;
      return {
        ownerId: `gid://shopify/Product/${ids[n % owners]}`,
        namespace: "synco",
        key: `k${Math.floor(n / owners)}`,
      };
    }),
  );
}

function startSandboxProcess(
  databaseUrl: string,
  buckets: "memory" | "postgres",
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/sandbox-shopify.ts", "--buckets", buckets],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, SANDBOX_SHOPIFY_PORT: "0", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the sandbox exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /serving (http:\/\/[^/]+)\//.exec(line);
      if (!match) return;
      child.removeAllListeners("exit");
      const exited = new Promise<void>((done) => child.once("exit", () => done()));
      resolve({ url: match[1]!, stop: () => (child.kill("SIGTERM"), exited) });
    });
  });
}

function printReport(rows: Row[], ceilings: string[], loadBefore: number) {
  const ramGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  console.log(
    `Date: ${new Date().toISOString().slice(0, 10)} · machine: ${os.cpus().length} CPUs (nproc ${os.availableParallelism()}), ${ramGiB} GiB RAM, Node ${process.version}`,
  );
  console.log(`Command: npm run bench:client -- --seconds ${WINDOW_SECONDS} --bucket-seconds ${BUCKET_SECONDS}`);
  console.log(`Load average (1 min) before → after: ${loadBefore.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}\n`);
  console.log(
    "| plan | operation | cost/call | theoretical calls/s | measured calls/s | share | THROTTLED seen | bucket at start → end | result |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---|");
  for (const row of rows) {
    const share = row.measured / row.theoretical;
    const result = `${share >= 0.9 ? "pass" : "miss"}${row.note ? ` (${row.note})` : ""}`;
    console.log(
      `| ${row.plan} | ${row.operation} | ${row.cost.toFixed(1)} | ${row.theoretical.toFixed(1)} | ${row.measured.toFixed(1)} | ${(share * 100).toFixed(1)}% | ${row.throttled} | ${row.levels.start} → ${row.levels.end} | ${result} |`,
    );
  }
  console.log(
    `\nSandbox ceiling on this machine, throttle on (plain fetch, ${MAX_IN_FLIGHT} concurrent, bucket never short) — ${ceilings.join("; ")}.`,
  );
}

main().catch((error: unknown) => {
  console.error("[bench:client] failed:", error);
  process.exit(1);
});
