// Queues the job that continues a run (a resume): the kind's job with the run's id, in the
// caller's transaction. Null when the kind's queue already holds a job that will pick the run up
// (the mirror's, one per store, adopts the store's unfinished mirror run).
import type { Db } from "@/db/handle";
import type { OperationRun } from "@/db/schema/operations";
import type { JobName, JobPayload } from "@/lib/jobs/definitions";
import { enqueue } from "@/lib/jobs/enqueue";
import { OPERATION_KIND_RULES } from "./operation-kinds";

export async function requeueRun(tx: Db, run: OperationRun): Promise<{ jobName: JobName; jobId: string | null }> {
  const job = OPERATION_KIND_RULES[run.kind].job;
  if (!job) throw new Error(`no job executes ${run.kind} runs`);
  const payload = { runId: run.id, storeId: run.storeId, organizationId: run.organizationId };
  const jobId = await enqueue(job.name, payload as JobPayload<typeof job.name>, {
    tx,
    singletonKey: job.key === "run" ? run.id : run.storeId,
  });
  return { jobName: job.name, jobId };
}
