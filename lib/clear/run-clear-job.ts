// The `clear.run` job: one attempt of a clear run through the operations model, then the run's end
// in the audit log — finished with its counts, failed with the reason, or stopped when cancelled.
// An attempt that pg-boss will retry (the run queued again) records nothing yet. A run can also end
// without its job: cancelled while queued, or failed by the guard after its automatic resumes;
// those callers record the end through `auditClearEnd` too. Each end of a run is recorded once,
// whoever gets there first (a resumed run that ends again is another end).
import { recordAudit } from "@/lib/audit/record-audit";
import { auditRunEndOnce } from "@/lib/operations/audit-run-end";
import { executeRun, type RunAttempt } from "@/lib/operations/execute-run";
import { findStore } from "@/lib/stores/find-store";
import { clearScope, runActor } from "./clear-state";
import { runClear } from "./run-clear";
import type { TClearSummary } from "./schemas";

export async function runClearJob(attempt: RunAttempt): Promise<void> {
  try {
    await executeRun(attempt, runClear);
  } finally {
    await auditClearEnd(attempt.runId);
  }
}

const END_ACTIONS = ["clear.finished", "clear.failed", "clear.cancelled"] as const;

/**
 * Records the clear run's end in the audit log if it has ended and that end is not recorded yet;
 * nothing for a run still queued or running, or of another kind.
 */
export async function auditClearEnd(runId: string): Promise<void> {
  await auditRunEndOnce(runId, {
    kind: "clear",
    actions: END_ACTIONS,
    record: async (tx, run, endedAt) => {
      const store = await findStore({ storeId: run.storeId, organizationId: run.organizationId, db: tx }).catch(
        () => null,
      );
      const base = { organizationId: run.organizationId, storeId: run.storeId, target: store?.shopDomain ?? null };
      const scope = clearScope(run).types;
      const counters = run.counters as Record<string, unknown>;
      if (run.status === "succeeded") {
        const summary = run.summary as TClearSummary;
        const tallies = Object.values(summary.types ?? {});
        await recordAudit(tx, runActor(run), {
          ...base,
          action: "clear.finished",
          details: {
            runId,
            endedAt,
            scope,
            strategy: summary.strategy,
            counters,
            metafieldsDeleted: tallies.reduce((sum, tally) => sum + (tally?.metafieldsDeleted ?? 0), 0),
            mappingsDeleted: tallies.reduce((sum, tally) => sum + (tally?.mappingsDeleted ?? 0), 0),
            unreachableOrders: summary.unreachableOrders
              ? summary.unreachableOrders.count + summary.unreachableOrders.undated
              : null,
          },
        });
      } else if (run.status === "failed") {
        await recordAudit(tx, runActor(run), {
          ...base,
          action: "clear.failed",
          outcome: "failed",
          details: { runId, endedAt, scope, error: run.error ?? "unknown error", counters },
        });
      } else {
        await recordAudit(tx, runActor(run), {
          ...base,
          action: "clear.cancelled",
          outcome: "cancelled",
          details: { runId, endedAt, scope, counters },
        });
      }
    },
  });
}
