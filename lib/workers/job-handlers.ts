// What each job does: one service call with the parsed payload. Jobs that execute an operation
// run go through `executeRun` with their kind's executor (lib/operations/kinds, lib/clear): it claims the run, reports through its context and records how the attempt ended.
// `final` is true on the last attempt, so a run fails with its reason instead of waiting for a retry.
import { auditClearEnd, runClearJob } from "@/lib/clear/run-clear-job";
import type { JobName, JobPayload } from "@/lib/jobs/definitions";
import { executeRun } from "@/lib/operations/execute-run";
import { guardRuns } from "@/lib/operations/guard-runs";
import { runIndexRefresh } from "@/lib/operations/kinds/index-refresh";
import { runMirrorJob } from "@/lib/operations/kinds/mirror";
import { runSeed } from "@/lib/operations/kinds/seed";
import { runOdooSyncJob } from "@/lib/odoo-sync/run-odoo-sync-job";
import { pruneRuns } from "@/lib/operations/prune-runs";
import { auditRestoreEnd, runRestoreJob } from "@/lib/restore/run-restore-job";
import { seedSeededStoreSandboxOdoo } from "@/lib/stores/odoo/seed-store-sandbox-odoo";
import { pruneWebhookEvents } from "@/lib/webhooks/prune-webhook-events";
import { sweepOwedAutoSyncs } from "@/lib/webhooks/sweep-owed-auto-syncs";

export type JobContext = { jobId: string; final: boolean; signal?: AbortSignal };

const job = (context: JobContext) => ({ id: context.jobId, final: context.final, signal: context.signal });

export const JOB_HANDLERS: { [N in JobName]: (payload: JobPayload<N>, context: JobContext) => Promise<void> } = {
  "sandbox.seed-store": (payload, context) => executeRun({ ...payload, job: job(context) }, runSeed),
  "sandbox.seed-odoo": async (payload) => {
    await seedSeededStoreSandboxOdoo(payload);
  },
  "mappings.mirror": (payload, context) => runMirrorJob(payload, job(context)),
  "shopify-index.refresh": (payload, context) => executeRun({ ...payload, job: job(context) }, runIndexRefresh),
  "clear.run": (payload, context) => runClearJob({ ...payload, job: job(context) }),
  "odoo-sync.run": (payload, context) => runOdooSyncJob({ ...payload, job: job(context) }),
  "restore.run": (payload, context) => runRestoreJob({ ...payload, job: job(context) }),
  "operations.guard": async () => {
    await guardAndAudit();
  },
  "operations.prune": async () => {
    await pruneRuns();
  },
  "webhooks.auto-sync-sweep": async () => {
    await sweepOwedAutoSyncs();
  },
  "webhooks.prune": async () => {
    await pruneWebhookEvents();
  },
};

/**
 * The guard, then the end of each run it failed in that run's own terms: a clear or a restore failed
 * for good (its automatic resumes spent) gets its `….failed` audit row like one its job failed.
 */
export async function guardAndAudit(options: Parameters<typeof guardRuns>[0] = {}) {
  const result = await guardRuns(options);
  for (const runId of result.failed) {
    await auditClearEnd(runId);
    await auditRestoreEnd(runId);
  }
  return result;
}
