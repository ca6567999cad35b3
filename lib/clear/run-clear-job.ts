// The `clear.run` job: one attempt of a clear run through the operations model, then the run's end
// in the audit log — finished with its counts, failed with the reason, or stopped when cancelled.
// An attempt that pg-boss will retry (the run queued again) records nothing yet.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { recordAudit } from "@/lib/audit/record-audit";
import { executeRun, type RunAttempt } from "@/lib/operations/execute-run";
import { findStore } from "@/lib/stores/find-store";
import { clearScope, runActor } from "./clear-state";
import { runClear } from "./run-clear";
import type { TClearSummary } from "./schemas";

export async function runClearJob(attempt: RunAttempt): Promise<void> {
  const [before] = await db.select().from(operationRuns).where(eq(operationRuns.id, attempt.runId));
  try {
    await executeRun(attempt, runClear);
  } finally {
    await auditEnd(attempt.runId, before?.finishedAt ?? null);
  }
}

async function auditEnd(runId: string, finishedBefore: Date | null) {
  const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  // Still queued or running (a retry is coming), or this attempt did not end it.
  if (!run || !run.finishedAt || run.status === "queued" || run.status === "running") return;
  if (finishedBefore && finishedBefore.getTime() === run.finishedAt.getTime()) return;
  const store = await findStore({ storeId: run.storeId, organizationId: run.organizationId }).catch(() => null);
  const base = { organizationId: run.organizationId, storeId: run.storeId, target: store?.shopDomain ?? null };
  const scope = clearScope(run).types;
  const counters = run.counters as Record<string, unknown>;
  if (run.status === "succeeded") {
    const summary = run.summary as TClearSummary;
    const tallies = Object.values(summary.types ?? {});
    await recordAudit(db, runActor(run), {
      ...base,
      action: "clear.finished",
      details: {
        runId,
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
    await recordAudit(db, runActor(run), {
      ...base,
      action: "clear.failed",
      outcome: "failed",
      details: { runId, scope, error: run.error ?? "unknown error", counters },
    });
  } else {
    await recordAudit(db, runActor(run), {
      ...base,
      action: "clear.cancelled",
      outcome: "cancelled",
      details: { runId, scope, counters },
    });
  }
}
