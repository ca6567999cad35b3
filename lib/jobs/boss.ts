// One pg-boss instance per process, started on first use (which creates or migrates its `pgboss`
// schema) with a queue per job definition. Kept on globalThis so Next's dev reloads reuse it.
// SYNCO_JOBS_SCHEMA names another schema: each test file has its own (lib/testing/setup-env.ts),
// so the workers one file starts never run jobs another file queued.
import { PgBoss } from "pg-boss";
import { logger } from "@/lib/logger";
import { JOBS, type JobDefinition } from "./definitions";

const holder = globalThis as unknown as { __syncoBoss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: jobs need the database");
  const boss = new PgBoss({
    connectionString,
    schema: jobsSchema(),
    max: Number(process.env.SYNCO_JOBS_POOL_SIZE ?? 4),
    application_name: "synco-jobs",
    // How soon a job whose worker died (no heartbeat) or that ran out of time is failed and retried.
    superviseIntervalSeconds: Number(process.env.SYNCO_JOBS_SUPERVISE_SECONDS ?? 15),
    monitorIntervalSeconds: Number(process.env.SYNCO_JOBS_SUPERVISE_SECONDS ?? 15),
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const { name, queue } of Object.values(JOBS)) {
    // Several processes start at once; whoever creates the queue first wins, the rest update it.
    if (!(await boss.getQueue(name)))
      await boss.createQueue(name, queue).catch(async (error: unknown) => {
        if (!(await boss.getQueue(name))) throw error;
      });
    // A queue's policy is fixed at creation; the other settings follow the definition.
    const { policy: _policy, ...settings } = queue;
    await boss.updateQueue(name, settings);
  }
  // Every process registers the schedules (an upsert); pg-boss sends each occurrence once.
  for (const definition of Object.values(JOBS) as JobDefinition[]) {
    if (definition.schedule)
      await boss.schedule(definition.name, definition.schedule, { v: definition.version, payload: {} }, { tz: "UTC" });
  }
  return boss;
}

/** The schema this process queues and works jobs in. */
export const jobsSchema = () => process.env.SYNCO_JOBS_SCHEMA ?? "pgboss";

export function getBoss(): Promise<PgBoss> {
  holder.__syncoBoss ??= startBoss().catch((error: unknown) => {
    holder.__syncoBoss = undefined;
    throw error;
  });
  return holder.__syncoBoss;
}

/** Stops the queue (workers finish their current job first). */
export async function stopBoss(): Promise<void> {
  const current = holder.__syncoBoss;
  holder.__syncoBoss = undefined;
  if (current) await (await current).stop({ graceful: true, timeout: 30_000 });
}
