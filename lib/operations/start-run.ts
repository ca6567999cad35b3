// Starts a run of any kind that has a job: the run and its job are written in one transaction
// (the caller's, or a new one). Asking again while the kind's run is queued or running returns
// that run (`created: false`); the same idempotency key returns the same run; a second exclusive
// run (clear, sync) is a 409 naming the active one.
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { enqueueRun } from "@/lib/jobs/enqueue-run";
import type { OperationCounters, OperationKind, OperationTrigger } from "@/lib/vocabulary/operations";
import { OPERATION_KIND_RULES } from "./operation-kinds";
import { toRunView } from "./run-view";
import type { TOperationRun } from "./schemas";

export type StartRunOptions = {
  kind: OperationKind;
  storeId: string;
  organizationId: string;
  actor?: { userId: string; email: string } | null;
  trigger?: OperationTrigger;
  scope?: Record<string, unknown>;
  idempotencyKey?: string | null;
  /** What is known of the work from the start (planned counts). */
  counters?: OperationCounters;
  tx?: Db;
};

export async function startRun({
  kind,
  storeId,
  organizationId,
  tx,
  ...options
}: StartRunOptions): Promise<{ run: TOperationRun; created: boolean }> {
  const job = OPERATION_KIND_RULES[kind].job;
  if (!job) throw new Error(`no job executes ${kind} runs yet`);
  const start = (handle: Db) => enqueueRun(job.name, { storeId, organizationId }, { tx: handle, ...options });
  const { run, created } = tx ? await start(tx) : await db.transaction(start);
  return { run: toRunView(run), created };
}
