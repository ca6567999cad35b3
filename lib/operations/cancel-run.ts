// Cancel: a queued run is cancelled at once (its job, if it starts anyway, finds nothing to do);
// a running one is asked to stop, and its executor stops at its next checkpoint and records what
// was done (the run ends `cancelled` with its counters). Asking twice changes nothing.
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { operationRuns } from "@/db/schema/operations";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { getBoss } from "@/lib/jobs/boss";
import { lockStoreRuns } from "@/lib/jobs/enqueue-run";
import { logger } from "@/lib/logger";
import { changeRun } from "./change-run";
import { findRun, type RunRef } from "./get-run";
import { OPERATION_KIND_RULES } from "./operation-kinds";
import { toRunView } from "./run-view";
import type { TRunResponse } from "./schemas";
import type { OperationKind } from "@/lib/vocabulary/operations";

export async function cancelRun({
  actor,
  shopDomain,
  whenCancelledQueued,
  ...ref
}: RunRef & {
  actor: Actor;
  /** The audit record names the store by it. */ shopDomain: string;
  /** What the run's kind undoes when a queued run is cancelled, in the cancel's transaction. */
  whenCancelledQueued?: (tx: Db, run: { id: string; storeId: string; kind: OperationKind }) => Promise<void>;
}): Promise<TRunResponse> {
  const run = await findRun(ref);
  if (!OPERATION_KIND_RULES[run.kind].cancellable)
    throw new AppError("conflict", `A ${run.kind.replace("_", " ")} cannot be cancelled`);
  const changed = await db.transaction(async (tx) => {
    // A cancel is ordered with the requests that queue a run's work (a sync's items, decision 103).
    await lockStoreRuns(tx, run.storeId);
    const queued = await changeRun(tx, run.id, {
      set: { status: "cancelled", finishedAt: sql`now()`, cancelRequestedAt: sql`clock_timestamp()`, lease: null },
      where: eq(operationRuns.status, "queued"),
      event: {
        type: "finished",
        fields: ["status", "finishedAt", "cancelRequested"],
        reason: "cancelled before it started",
      },
    });
    const requested =
      queued ??
      (await changeRun(tx, run.id, {
        set: { cancelRequestedAt: sql`clock_timestamp()` },
        where: sql`${operationRuns.status} = 'running' and ${operationRuns.cancelRequestedAt} is null`,
        event: { type: "status", fields: ["status", "cancelRequested"], reason: "cancel requested" },
      }));
    // A queued run never runs: what it was queued with goes now (a running one, as it ends).
    if (queued) await whenCancelledQueued?.(tx, run);
    if (requested)
      await recordAudit(tx, actor, {
        organizationId: run.organizationId,
        storeId: run.storeId,
        action: queued ? "operations.run_cancelled" : "operations.cancel_requested",
        target: shopDomain,
        details: { runId: run.id, kind: run.kind },
      });
    return { row: requested, queued: queued !== null };
  });
  if (changed.queued && run.jobName && run.jobId) {
    // Best effort: a job that starts anyway finds the run cancelled and ends.
    await (await getBoss()).cancel(run.jobName, run.jobId).catch((error: unknown) => {
      logger.warn({ err: error, runId: run.id }, "could not cancel the run's queued job");
    });
  }
  if (changed.row) return { run: toRunView(changed.row) };
  const current = await findRun(ref);
  if (current.status === "running") return { run: toRunView(current) };
  throw new AppError(
    "conflict",
    `This run has already ${current.status === "cancelled" ? "been cancelled" : "finished"}`,
    {
      details: { runId: current.id, status: current.status },
    },
  );
}
