// The `restore.run` job: one attempt of a restore run through the operations model, then the run's
// end in the audit log (finished with its counts, failed with the reason, or stopped when
// cancelled). A run can also end without its job (cancelled while queued, failed by the guard);
// those callers record the end through `auditRestoreEnd` too. Each end is recorded once.
import { recordAudit } from "@/lib/audit/record-audit";
import { auditRunEndOnce } from "@/lib/operations/audit-run-end";
import { executeRun, type RunAttempt } from "@/lib/operations/execute-run";
import { findStore } from "@/lib/stores/find-store";
import { restoreSummary } from "./restore-summary";
import { runRestore } from "./run-restore";

export async function runRestoreJob(attempt: RunAttempt): Promise<void> {
  try {
    await executeRun(attempt, runRestore);
  } finally {
    await auditRestoreEnd(attempt.runId);
  }
}

export async function auditRestoreEnd(runId: string): Promise<void> {
  await auditRunEndOnce(runId, {
    kind: "restore",
    actions: ["restore.finished", "restore.failed", "restore.cancelled"],
    record: async (tx, run, endedAt) => {
      const store = await findStore({ storeId: run.storeId, organizationId: run.organizationId, db: tx }).catch(
        () => null,
      );
      const actor = run.actorId
        ? { userId: run.actorId, email: run.actorEmail ?? "", name: run.actorEmail ?? "", ip: null, userAgent: null }
        : null;
      const base = { organizationId: run.organizationId, storeId: run.storeId, target: store?.shopDomain ?? null };
      const counts = await restoreSummary(runId);
      if (run.status === "succeeded")
        await recordAudit(tx, actor, {
          ...base,
          action: "restore.finished",
          details: { runId, endedAt, restored: counts.restored, unchanged: counts.unchanged, skipped: counts.skipped },
        });
      else if (run.status === "failed")
        await recordAudit(tx, actor, {
          ...base,
          action: "restore.failed",
          outcome: "failed",
          details: {
            runId,
            endedAt,
            error: run.error ?? "unknown error",
            restored: counts.restored,
            skipped: counts.skipped,
          },
        });
      else
        await recordAudit(tx, actor, {
          ...base,
          action: "restore.cancelled",
          outcome: "cancelled",
          details: { runId, endedAt, restored: counts.restored, skipped: counts.skipped },
        });
    },
  });
}
