// Every background job the product runs: its queue name, payload schema, payload version and queue
// settings. Kept free of handler imports so services can enqueue without import cycles; the
// handlers are attached at the top, in lib/workers/job-handlers.ts.
import { z } from "zod";
import type { Queue } from "pg-boss";
import type { OperationKind } from "@/lib/vocabulary/operations";

export type JobDefinition<P extends z.ZodType = z.ZodType> = {
  name: string;
  /** Bumped when the payload changes shape; a worker refuses versions it does not know. */
  version: number;
  payload: P;
  queue: Omit<Queue, "name">;
  /** Jobs of this queue one process runs at once (default 1); one per store still holds by singleton key. */
  concurrency?: number;
  /** Cron (UTC) for a job the product runs by itself, with an empty payload. */
  schedule?: string;
  /**
   * The job executes an operation run of this kind (lib/operations): queued with `enqueueRun`,
   * which writes the run in the same transaction and puts its id in the payload.
   */
  run?: { kind: OperationKind };
};

const defineJob = <P extends z.ZodType>(definition: JobDefinition<P>) => definition;

const storePayload = z.object({ storeId: z.uuid(), organizationId: z.string().min(1) });
/** The payload of every job that executes an operation run; the run holds its parameters. */
export const runPayload = storePayload.extend({ runId: z.uuid() });

/**
 * Jobs that execute runs tell pg-boss they are alive; one whose worker died (a SIGKILL, a lost
 * machine) is failed and retried once this many seconds pass without a heartbeat.
 */
const RUN_HEARTBEAT_SECONDS = Math.max(10, Number(process.env.SYNCO_JOBS_HEARTBEAT_SECONDS ?? 30));
/** The first wait before a retry (it doubles after each); SYNCO_JOBS_RETRY_DELAY_SECONDS shortens every queue's (tests). */
const retryDelay = (seconds: number) => Number(process.env.SYNCO_JOBS_RETRY_DELAY_SECONDS ?? seconds);

export const JOBS = {
  "sandbox.seed-store": defineJob({
    name: "sandbox.seed-store",
    version: 2,
    payload: runPayload,
    run: { kind: "seed" },
    // One job per run (the run is one per store, held by the database); retried from its checkpoint.
    queue: {
      policy: "exclusive",
      retryLimit: 3,
      retryDelay: retryDelay(5),
      retryBackoff: true,
      expireInSeconds: 3600,
      heartbeatSeconds: RUN_HEARTBEAT_SECONDS,
    },
  }),
  "sandbox.seed-odoo": defineJob({
    name: "sandbox.seed-odoo",
    version: 1,
    payload: storePayload,
    // After a medium or large sandbox store's seed: its sandbox Odoo's records, written beside the
    // first index refresh instead of before it (a large store's take about a minute). A second
    // run changes nothing, so a retry is safe.
    queue: {
      policy: "stately",
      retryLimit: 3,
      retryDelay: retryDelay(10),
      retryBackoff: true,
      expireInSeconds: 3600,
    },
  }),
  "mappings.mirror": defineJob({
    name: "mappings.mirror",
    version: 2,
    // runId: continue that run (a resume); without it the job opens a run when it finds work.
    payload: storePayload.extend({ runId: z.uuid().optional() }),
    // One running and one queued per store: a write during a run is picked up by the next one.
    queue: {
      policy: "stately",
      retryLimit: 5,
      retryDelay: retryDelay(10),
      retryBackoff: true,
      expireInSeconds: 4 * 3600,
      heartbeatSeconds: RUN_HEARTBEAT_SECONDS,
    },
    // Stores are independent (each has its own Shopify rate budget).
    concurrency: 4,
  }),
  "shopify-index.refresh": defineJob({
    name: "shopify-index.refresh",
    version: 2,
    payload: runPayload,
    run: { kind: "index_refresh" },
    // One job per run (one refresh per store, queued or running, held by the database).
    queue: {
      policy: "exclusive",
      retryLimit: 3,
      retryDelay: retryDelay(30),
      retryBackoff: true,
      expireInSeconds: 6 * 3600,
      heartbeatSeconds: RUN_HEARTBEAT_SECONDS,
    },
    concurrency: 4,
  }),
  "clear.run": defineJob({
    name: "clear.run",
    version: 1,
    payload: runPayload,
    run: { kind: "clear" },
    // One job per run (one clear or sync per store, held by the database); each retry resumes from
    // the run's checkpoint. Large clears take minutes, so the expiry is generous; a dead worker is
    // found by its missing heartbeats long before.
    queue: {
      policy: "exclusive",
      retryLimit: 5,
      retryDelay: retryDelay(10),
      retryBackoff: true,
      expireInSeconds: 6 * 3600,
      heartbeatSeconds: RUN_HEARTBEAT_SECONDS,
    },
    // Stores are independent (each has its own Shopify rate budget).
    concurrency: 4,
  }),
  "odoo-sync.run": defineJob({
    name: "odoo-sync.run",
    version: 1,
    payload: runPayload,
    run: { kind: "sync" },
    // One job per run (one sync queued or running per store, held by the database); each retry
    // continues with what is left in the store's sync queue, the run's checkpoint.
    queue: {
      policy: "exclusive",
      retryLimit: 5,
      retryDelay: retryDelay(10),
      retryBackoff: true,
      expireInSeconds: 6 * 3600,
      heartbeatSeconds: RUN_HEARTBEAT_SECONDS,
    },
    // Stores are independent (each has its own Shopify rate budget and, usually, its own Odoo).
    concurrency: 4,
  }),
  "restore.run": defineJob({
    name: "restore.run",
    version: 1,
    payload: runPayload,
    run: { kind: "restore" },
    // One job per run (one exclusive run per store, held by the database); each retry resumes from
    // the run's checkpoint, the rows already decided are not checked again.
    queue: {
      policy: "exclusive",
      retryLimit: 5,
      retryDelay: retryDelay(10),
      retryBackoff: true,
      expireInSeconds: 6 * 3600,
      heartbeatSeconds: RUN_HEARTBEAT_SECONDS,
    },
    concurrency: 2,
  }),
  "operations.guard": defineJob({
    name: "operations.guard",
    version: 1,
    payload: z.object({}),
    // Every minute: runs left queued or running with no live job behind them are resumed or failed.
    queue: { policy: "exclusive", retryLimit: 0, expireInSeconds: 300 },
    schedule: "* * * * *",
  }),
  "operations.prune": defineJob({
    name: "operations.prune",
    version: 1,
    payload: z.object({}),
    // Daily: the mirror's small, frequent runs are not kept for ever (docs/decisions.md).
    queue: {
      policy: "exclusive",
      retryLimit: 3,
      retryDelay: retryDelay(60),
      retryBackoff: true,
      expireInSeconds: 3600,
    },
    schedule: "41 3 * * *",
  }),
  "webhooks.auto-sync-sweep": defineJob({
    name: "webhooks.auto-sync-sweep",
    version: 1,
    payload: z.object({}),
    // Every minute and when a worker starts: automatic syncs a delivery owed and a crash left
    // unasked (decision 110). A failed sweep is retried by the next one.
    queue: { policy: "exclusive", retryLimit: 0, expireInSeconds: 300 },
    schedule: "* * * * *",
  }),
  "webhooks.prune": defineJob({
    name: "webhooks.prune",
    version: 1,
    payload: z.object({}),
    // Daily: webhook payloads (personal data) and old delivery records are not kept for ever.
    queue: {
      policy: "exclusive",
      retryLimit: 3,
      retryDelay: retryDelay(60),
      retryBackoff: true,
      expireInSeconds: 3600,
    },
    schedule: "17 3 * * *",
  }),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
