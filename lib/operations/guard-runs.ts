// No run stays queued or running for ever. Every minute (the `operations.guard` job) and when a
// worker process starts, each run that has not changed for a while is checked against its job:
// a job still queued, waiting for a retry or active is in pg-boss's hands (its heartbeat fails a
// job whose worker died, and the retry resumes the run). A run whose job is gone, completed,
// failed or cancelled has nothing behind it: it is queued again from its checkpoint, up to the
// kind's number of automatic resumes, and otherwise failed with the reason. A process looks only
// at runs whose job lives in its own pg-boss schema (or that have none yet).
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import { getBoss, jobsSchema } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import { changeRun } from "./change-run";
import { OPERATION_KIND_RULES } from "./operation-kinds";
import { reopenRun } from "./resume-run";

const LIVE_JOB_STATES = new Set(["created", "retry", "active"]);

export type GuardResult = { checked: number; resumed: string[]; failed: string[] };

/**
 * `quietSeconds`: runs changed or heard from more recently than this are left alone; `storeIds`
 * narrows the check (tests share one database).
 */
export async function guardRuns({
  quietSeconds = 30,
  storeIds,
}: { quietSeconds?: number; storeIds?: string[] } = {}): Promise<GuardResult> {
  const quiet = sql`now() - make_interval(secs => ${quietSeconds})`;
  const candidates = await db
    .select()
    .from(operationRuns)
    .where(
      and(
        inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        or(isNull(operationRuns.jobSchema), eq(operationRuns.jobSchema, jobsSchema())),
        storeIds ? inArray(operationRuns.storeId, storeIds) : undefined,
        lt(operationRuns.updatedAt, quiet),
        or(sql`${operationRuns.heartbeatAt} is null`, lt(operationRuns.heartbeatAt, quiet)),
      ),
    )
    .limit(500);
  const result: GuardResult = { checked: candidates.length, resumed: [], failed: [] };
  for (const run of candidates) {
    const state = await jobState(run);
    if (state && LIVE_JOB_STATES.has(state)) continue;
    const why = state
      ? `its job ${state === "completed" ? "ended" : state} before the run finished`
      : run.jobId
        ? "its job no longer exists"
        : "it has no job";
    const outcome = await resolveOrphan(run, why).catch((error: unknown) => {
      logger.error({ err: error, runId: run.id }, "could not resolve a run without a live job");
      return null;
    });
    if (outcome === "resumed") result.resumed.push(run.id);
    if (outcome === "failed") result.failed.push(run.id);
  }
  if (result.resumed.length || result.failed.length) logger.warn(result, "guard resolved runs without a live job");
  return result;
}

async function jobState(run: OperationRun): Promise<string | null> {
  if (!run.jobName || !run.jobId) return null;
  const job = await (await getBoss()).getJobById(run.jobName, run.jobId);
  return job?.state ?? null;
}

/** Resumes or fails the run, if it is still as the guard saw it (same event sequence). */
async function resolveOrphan(run: OperationRun, why: string): Promise<"resumed" | "failed" | null> {
  const unchanged = and(
    eq(operationRuns.lastSeq, run.lastSeq),
    inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
  );
  const rules = OPERATION_KIND_RULES[run.kind];
  if (rules.resumable && rules.job && run.resumes < rules.automaticResumes) {
    const reopened = await db.transaction((tx) =>
      reopenRun(tx, run, { where: unchanged!, reason: `resumed automatically: ${why}` }),
    );
    return reopened ? "resumed" : null;
  }
  const failed = await changeRun(db, run.id, {
    set: {
      status: "failed",
      finishedAt: sql`now()`,
      error: `The run stopped without finishing: ${why}${run.resumes ? ` (resumed ${run.resumes} times already)` : ""}.`,
      lease: null,
      heartbeatAt: null,
    },
    where: unchanged,
    event: { type: "finished", fields: ["status", "finishedAt", "error", "summary"] },
  });
  return failed ? "failed" : null;
}
