// Executes one attempt of a run inside its job: claims the run (a new lease), keeps a heartbeat,
// hands the executor a context to report through, and records how the attempt ended —
// succeeded with its summary, cancelled at a checkpoint with what was done, failed with the
// reason (on the last attempt, or when retrying cannot help), or queued again for pg-boss's retry.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import { isStatementTimeout } from "@/db/statement-timeout";
import { storeRunsScope } from "@/db/store-scope";
import { AppError } from "@/lib/errors/app-error";
import { jobsSchema } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import { changeRun } from "./change-run";
import { createRunContext, type RunContext } from "./run-context";
import { RunCancelledError, RunFailedError, RunLeaseLostError } from "./run-errors";

export type RunExecutor = (context: RunContext) => Promise<Record<string, unknown> | void>;

export type RunAttempt = {
  runId: string;
  storeId: string;
  organizationId: string;
  job: { id: string; final: boolean; signal?: AbortSignal };
};

/** How often a running attempt shows it is alive and looks for a cancel request. */
export const RUN_HEARTBEAT_MS = Number(process.env.SYNCO_RUN_HEARTBEAT_MS ?? 5_000);
const MAX_ERROR_LENGTH = 1000;

/** Resolves once the attempt is recorded; throws only to ask pg-boss for a retry. */
export async function executeRun(attempt: RunAttempt, executor: RunExecutor): Promise<void> {
  const lease = randomUUID();
  const log = logger.child({ runId: attempt.runId, jobId: attempt.job.id });
  const run = await claim(attempt, lease);
  if (!run) {
    log.info("run is no longer queued or running; nothing to do");
    return;
  }
  const { context, abort, close } = createRunContext(run, lease, log.child({ kind: run.kind }));
  if (run.cancelRequestedAt) abort(new RunCancelledError());
  const onJobAbort = () => abort(new Error("the job was stopped"));
  attempt.job.signal?.addEventListener("abort", onJobAbort, { once: true });
  const heartbeat = setInterval(() => {
    beat(run.id, lease)
      .then((state) => {
        if (state === "lost") abort(new RunLeaseLostError(run.id));
        else if (state === "cancel") abort(new RunCancelledError());
      })
      .catch((error: unknown) => log.warn({ err: error }, "run heartbeat failed"));
  }, RUN_HEARTBEAT_MS);

  try {
    context.throwIfCancelled();
    const summary = (await executor(context)) ?? {};
    close();
    await finish(run.id, lease, "succeeded", { summary });
    log.info("run succeeded");
  } catch (caught) {
    close();
    const error = context.signal.aborted && !(caught instanceof RunFailedError) ? context.signal.reason : caught;
    if (error instanceof RunLeaseLostError) {
      log.warn("another execution owns the run; this one stops");
      return;
    }
    if (error instanceof RunCancelledError) {
      await finish(run.id, lease, "cancelled", {
        summary: sql`jsonb_build_object('stoppedIn', ${operationRuns.phase})`,
      });
      log.info("run cancelled");
      return;
    }
    const message = errorMessage(caught);
    if (attempt.job.final || isPermanent(caught)) {
      await finish(run.id, lease, "failed", { error: message });
      log.error({ err: caught }, "run failed");
      return;
    }
    // pg-boss retries the job with backoff: the run shows as waiting, with the reason.
    await changeRun(db, run.id, {
      lease,
      set: { status: "queued", error: message, lease: null, heartbeatAt: null },
      event: { type: "status", fields: ["status", "error"], reason: "retrying" },
    });
    log.warn({ err: caught }, "run attempt failed; retrying");
    throw caught;
  } finally {
    clearInterval(heartbeat);
    attempt.job.signal?.removeEventListener("abort", onJobAbort);
  }
}

async function claim({ runId, storeId, organizationId, job }: RunAttempt, lease: string) {
  return changeRun(db, runId, {
    set: {
      status: "running",
      lease,
      jobSchema: jobsSchema(),
      jobId: job.id,
      attempt: sql`${operationRuns.attempt} + 1`,
      startedAt: sql`coalesce(${operationRuns.startedAt}, now())`,
      heartbeatAt: sql`now()`,
      error: null,
    },
    where: and(
      storeRunsScope({ storeId, organizationId }),
      inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
    ),
    event: { type: "status", fields: ["status", "attempt", "startedAt", "error"] },
  });
}

async function beat(runId: string, lease: string): Promise<"ok" | "cancel" | "lost"> {
  const [row] = await db
    .update(operationRuns)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(operationRuns.id, runId), eq(operationRuns.lease, lease)))
    .returning({ cancelRequestedAt: operationRuns.cancelRequestedAt });
  if (!row) return "lost";
  return row.cancelRequestedAt ? "cancel" : "ok";
}

type Ending = { summary?: Record<string, unknown> | SQL; error?: string };

async function finish(runId: string, lease: string, status: "succeeded" | "failed" | "cancelled", ending: Ending) {
  const done: OperationRun | null = await changeRun(db, runId, {
    lease,
    set: {
      status,
      finishedAt: sql`now()`,
      summary: ending.summary ?? null,
      error: ending.error ?? null,
      lease: null,
      heartbeatAt: null,
      estimatedFinishAt: null,
    },
    event: { type: "finished", fields: ["status", "finishedAt", "error", "summary"] },
  });
  if (!done) logger.warn({ runId }, "run changed hands before it could be recorded as finished");
}

/** Errors no retry can fix: the store is gone or disconnected, the input is wrong, the kind said so. */
function isPermanent(error: unknown): boolean {
  if (error instanceof RunFailedError) return true;
  return error instanceof AppError && error.code !== "internal" && error.code !== "rate_limited";
}

function errorMessage(error: unknown): string {
  // The driver's words ("canceling statement due to statement timeout") say nothing to a merchant.
  if (isStatementTimeout(error))
    return "A database step took longer than its time limit and was stopped, so nothing of it was kept.";
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}
