import type { OperationRun } from "@/db/schema/operations";
import { OPERATION_KIND_RULES } from "./operation-kinds";
import type { TOperationRun } from "./schemas";

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** The browser's view of a run: an allow-list (no lease, job ids or idempotency key). */
export function toRunView(run: OperationRun): TOperationRun {
  const rules = OPERATION_KIND_RULES[run.kind];
  return {
    id: run.id,
    storeId: run.storeId,
    organizationId: run.organizationId,
    kind: run.kind,
    status: run.status,
    exclusive: run.exclusive,
    scope: run.scope,
    phase: run.phase,
    phaseStartedAt: iso(run.phaseStartedAt),
    counters: run.counters,
    strategy: run.strategy,
    estimatedFinishAt: iso(run.estimatedFinishAt),
    trigger: run.trigger,
    actor: run.actorId || run.actorEmail ? { id: run.actorId, email: run.actorEmail } : null,
    attempt: run.attempt,
    resumes: run.resumes,
    cancelRequested: run.cancelRequestedAt !== null,
    cancellable: rules.cancellable,
    resumable: rules.resumable,
    error: run.error,
    summary: run.summary,
    createdAt: iso(run.createdAt)!,
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    updatedAt: iso(run.updatedAt)!,
    lastSeq: run.lastSeq,
  };
}
