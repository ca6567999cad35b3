// `npm run worker`: a process that only runs background jobs, to add capacity beside the app
// servers (which run workers too unless SYNCO_WORKERS=off). Any number may run on one database.
import path from "node:path";
import { closeDb } from "../db/client";
import { startWorkers, stopWorkers } from "../lib/workers/start-workers";
import { openDatabase } from "../lib/runtime/database";
import { loadSecrets } from "../lib/runtime/secrets";
import { stopWithParent } from "../lib/runtime/stop-with-parent";

async function main() {
  const dataDir = path.resolve(process.env.SYNCO_DATA_DIR ?? ".data");
  Object.assign(process.env, await loadSecrets({ dataDir, production: process.env.NODE_ENV === "production" }));
  const database = await openDatabase({ dataDir });
  process.env.DATABASE_URL = database.url;
  process.env.SYNCO_APP_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  await startWorkers();
  console.log("[synco] worker running; Ctrl-C to stop");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stopWorkers();
      await closeDb();
      await database.stop();
      process.exit(0);
    } catch (error: unknown) {
      // Said, not an unhandled rejection: whoever stops the worker sees why it did not stop cleanly.
      console.error(`[synco] worker did not stop cleanly: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  stopWithParent(() => void stop());
}

main().catch((error: unknown) => {
  console.error(`[synco] worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
