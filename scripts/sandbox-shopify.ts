// `npm run sandbox:shopify`: the sandbox Shopify store as a standalone server (for benchmarks and
// for pointing any Shopify client at it), on the same database as the app.
//   npm run sandbox:shopify                                   serve on SANDBOX_SHOPIFY_PORT (4100)
//   npm run sandbox:shopify -- --shop demo.myshopify.com      also create that shop (or give it a
//                                 [--plan plus]               fresh token and that plan) and print
//                                                             its token; plans: standard, advanced,
//                                                             plus, enterprise
//   npm run sandbox:shopify -- --buckets postgres             keep leaky buckets in the database
// Requests: POST /admin/api/2026-01/graphql.json with Host: <shop domain>, or
//           POST /api/sandbox/shopify/<shop domain>/admin/api/2026-01/graphql.json,
//           with X-Shopify-Access-Token: <token>.
// Leaky buckets: this server is the one process serving its shops, so by default it keeps them in
// memory — exact, and no row lock per request, which made the throttled path the bottleneck on the
// fastest plans. Run several servers on one database (or this one beside the app's route, for the
// same shops) with `--buckets postgres`, the app's store, so that they share each bucket.
// Killing the npm process stops the server and its database too (npm does not pass signals on).
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/runtime/database";
import { stopWithParent } from "../lib/runtime/stop-with-parent";
import { sandboxPlan } from "../lib/sandbox/shopify/plans";

const { values } = parseArgs({
  options: {
    shop: { type: "string" },
    plan: { type: "string", default: "standard" },
    buckets: { type: "string", default: "memory" },
  },
});
if (values.buckets !== "memory" && values.buckets !== "postgres")
  throw new Error(`--buckets is memory or postgres, not ${values.buckets}`);
const dataDir = path.resolve(process.env.SYNCO_DATA_DIR ?? ".data");
const port = Number(process.env.SANDBOX_SHOPIFY_PORT ?? 4100);
const host = process.env.SANDBOX_SHOPIFY_HOST ?? "127.0.0.1";

async function main() {
  // Checked before anything starts: a shop on an unknown plan would answer every request with a 500.
  const plan = sandboxPlan(values.plan, "--plan");
  const database = await openDatabase({ dataDir });
  // db/client connects lazily from DATABASE_URL, so it must be set before the sandbox is loaded.
  process.env.DATABASE_URL = database.url;
  const { closeDb, db } = await import("../db/client");
  const { serveSandboxShopify } = await import("../lib/sandbox/shopify/serve-sandbox-shopify");
  const { createMemoryBucketStore } = await import("../lib/sandbox/shopify/cost/memory-bucket-store");
  const { postgresBucketStore } = await import("../lib/sandbox/shopify/cost/postgres-bucket-store");
  if (values.shop) {
    const { prepareSandboxShop } = await import("../lib/sandbox/shopify/prepare-sandbox-shop");
    const { accessToken } = await prepareSandboxShop({ domain: values.shop, plan });
    console.log(`[sandbox-shopify] shop ${values.shop} (${plan}): X-Shopify-Access-Token ${accessToken}`);
  }
  const buckets = values.buckets === "memory" ? createMemoryBucketStore() : postgresBucketStore(db);
  const server = await serveSandboxShopify({ port, host, buckets });
  console.log(
    `[sandbox-shopify] serving ${server.url}/admin/api/2026-01/graphql.json (shop from the Host header; buckets in ${values.buckets})`,
  );
  console.log(`[sandbox-shopify]     and ${server.url}/api/sandbox/shopify/<shop>/admin/api/2026-01/graphql.json`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await closeDb();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  stopWithParent(() => void stop());
}

main().catch((err: unknown) => {
  console.error(`[sandbox-shopify] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
