// Resume: a failed or cancelled run is queued again and its executor continues from the run's
// checkpoint (counters kept, so nothing is counted twice). The guard resumes runs whose job died
// the same way. Going back to `queued` meets the same rules as a start: a store's other active
// run of the kind, or another exclusive run, makes it a 409 naming that run.
import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { jobsSchema } from "@/lib/jobs/boss";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import { changeRun } from "./change-run";
import { findRun, type RunRef } from "./get-run";
import { OPERATION_KIND_RULES } from "./operation-kinds";
import { requeueRun } from "./requeue-run";
import { toRunView } from "./run-view";
import type { TRunResponse } from "./schemas";

export async function resumeRun({
  actor,
  shopDomain,
  ...ref
}: RunRef & {
  actor: Actor;
  /** The audit record names the store by it. */ shopDomain: string;
}): Promise<TRunResponse> {
  const run = await findRun(ref);
  if (!OPERATION_KIND_RULES[run.kind].resumable)
    throw new AppError("conflict", `A ${run.kind.replace("_", " ")} cannot be resumed`);
  if (run.status !== "failed" && run.status !== "cancelled")
    throw new AppError("conflict", `Only a failed or cancelled run can be resumed; this one is ${run.status}`, {
      details: { runId: run.id, status: run.status },
    });
  const resumed = await db.transaction(async (tx) => {
    const row = await reopenRun(tx, run, {
      where: inArray(operationRuns.status, ["failed", "cancelled"]),
      reason: `resumed by ${actor.email}`,
    });
    if (row)
      await recordAudit(tx, actor, {
        organizationId: run.organizationId,
        storeId: run.storeId,
        action: "operations.run_resumed",
        target: shopDomain,
        details: { runId: run.id, kind: run.kind, counters: run.counters },
      });
    return row;
  });
  if (!resumed) throw new AppError("conflict", "This run changed meanwhile; reload and try again");
  return { run: toRunView(resumed) };
}

/**
 * Queues the run again with a job, if it still matches `where` (the state the caller saw). Null
 * when it no longer does.
 */
export async function reopenRun(
  tx: Db,
  run: OperationRun,
  { where, reason }: { where: SQL; reason: string },
): Promise<OperationRun | null> {
  let row: OperationRun | null;
  try {
    row = await changeRun(tx, run.id, {
      set: {
        status: "queued",
        resumes: sql`${operationRuns.resumes} + 1`,
        error: null,
        summary: null,
        finishedAt: null,
        cancelRequestedAt: null,
        lease: null,
        heartbeatAt: null,
      },
      where,
      event: { type: "status", fields: ["status", "resumes", "error", "finishedAt", "cancelRequested"], reason },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw await activeConflict(tx, run);
  }
  if (!row) return null;
  const { jobName, jobId } = await requeueRun(tx, row);
  const [queued] = await tx
    .update(operationRuns)
    .set({ jobSchema: jobsSchema(), jobName, ...(jobId ? { jobId } : {}) })
    .where(eq(operationRuns.id, row.id))
    .returning();
  return queued!;
}

async function activeConflict(tx: Db, run: OperationRun): Promise<AppError> {
  const [active] = await tx
    .select()
    .from(operationRuns)
    .where(
      and(
        eq(operationRuns.storeId, run.storeId),
        ne(operationRuns.id, run.id),
        inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        run.exclusive
          ? sql`(${operationRuns.exclusive} or ${operationRuns.kind} = ${run.kind})`
          : eq(operationRuns.kind, run.kind),
      ),
    )
    .limit(1);
  return new AppError(
    "conflict",
    `Another ${active?.kind ?? "operation"} is already ${active?.status ?? "active"} for this store`,
    {
      details: active ? { runId: active.id, kind: active.kind, status: active.status } : {},
    },
  );
}

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause)
    if ((current as { code?: string }).code === "23505") return true;
  return false;
}
