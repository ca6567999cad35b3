// Starts a worker per queue in this process: once per app server (instrumentation.ts, unless
// SYNCO_WORKERS=off), in `npm run worker` processes to scale out, and in tests.
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { JOBS, type JobName } from "@/lib/jobs/definitions";
import { logger } from "@/lib/logger";
import { JOB_HANDLERS, type JobContext } from "./job-handlers";

const holder = globalThis as unknown as { __syncoWorkers?: Promise<void> };

export function startWorkers(): Promise<void> {
  holder.__syncoWorkers ??= start();
  return holder.__syncoWorkers;
}

export async function stopWorkers(): Promise<void> {
  if (!holder.__syncoWorkers) return;
  holder.__syncoWorkers = undefined;
  await stopBoss();
}

async function start() {
  const boss = await getBoss();
  for (const name of Object.keys(JOBS) as JobName[]) {
    await boss.work(
      name,
      { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true, localConcurrency: JOBS[name].concurrency ?? 1 },
      async ([job]) => {
        if (!job) return;
        await runJob(name, job.data, {
          jobId: job.id,
          final: job.retryCount >= job.retryLimit,
          signal: job.signal,
        });
      },
    );
  }
  logger.info({ queues: Object.keys(JOBS) }, "job workers started");
  // Runs a stopped process left behind, and automatic syncs its deliveries owed, are picked up now
  // rather than at the next minute.
  for (const name of ["operations.guard", "webhooks.auto-sync-sweep"] as const)
    void boss
      .send(name, { v: JOBS[name].version, payload: {} })
      .catch((error: unknown) => logger.warn({ err: error, job: name }, "could not queue a job at start"));
}

async function runJob(name: JobName, data: unknown, context: JobContext) {
  const definition = JOBS[name];
  const envelope = data as { v?: number; payload?: unknown };
  if (envelope.v !== definition.version)
    throw new Error(`job ${name} has payload version ${envelope.v}; this worker runs version ${definition.version}`);
  const payload = definition.payload.parse(envelope.payload);
  const log = logger.child({ job: name, jobId: context.jobId });
  log.info("job started");
  try {
    // The payload was parsed with this job's own schema just above.
    await (JOB_HANDLERS[name] as (payload: unknown, context: JobContext) => Promise<void>)(payload, context);
    log.info("job finished");
  } catch (error) {
    log.error({ err: error, final: context.final }, "job failed");
    throw error;
  }
}
