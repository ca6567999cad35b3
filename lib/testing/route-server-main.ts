// One app server process for tests and benchmarks: the API routes (route-server.ts) on
// ROUTE_SERVER_PORT (0: any free port), with job workers unless SYNCO_WORKERS=off. The database,
// secrets and job schema come from the environment the parent sets. Prints `listening <url>`.
// Run with: node --conditions=react-server --import tsx lib/testing/route-server-main.ts
import { closeDb } from "@/db/client";
import { closeOperationListener } from "@/lib/operations/events/operation-listener";
import { startWorkers, stopWorkers } from "@/lib/workers/start-workers";
import { startRouteServer } from "./route-server";

const server = await startRouteServer({ port: Number(process.env.ROUTE_SERVER_PORT ?? 0) });
if (process.env.SYNCO_WORKERS !== "off") await startWorkers();
console.log(`listening ${server.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await stopWorkers();
  await closeOperationListener();
  await closeDb();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
