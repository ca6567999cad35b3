// The `odoo-sync.run` job: one attempt of a sync run through the operations model. A request that
// joined the run just as it ended leaves items in the queue: once the run has succeeded, a new run
// takes them (under the store's run lock, so it is started once). A cancelled run first drops the
// items it was asked for (decision 103); the rest, asked for after the cancel, get that new run.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditRunEndOnce } from "@/lib/operations/audit-run-end";
import { executeRun, type RunAttempt } from "@/lib/operations/execute-run";
import { startRun } from "@/lib/operations/start-run";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import { runOdooSync } from "./run-odoo-sync";
import { lockStoreRuns } from "@/lib/jobs/enqueue-run";
import { dropCancelledItems, queueCounts } from "./sync-queue";

export async function runOdooSyncJob(attempt: RunAttempt): Promise<void> {
  try {
    await executeRun(attempt, runOdooSync);
  } finally {
    await auditSyncEnd(attempt.runId);
  }
  await followUp(attempt);
}

/** The end of a sync a person asked for, in the audit log once per end (a resumed run may end again). */
export async function auditSyncEnd(runId: string): Promise<void> {
  await auditRunEndOnce(runId, {
    kind: "sync",
    actions: ["sync.odoo_sync_ended"],
    record: async (tx, run, endedAt) => {
      if (!run.actorEmail) return;
      const actor = { userId: run.actorId ?? "", email: run.actorEmail, name: "", ip: null, userAgent: null };
      await recordAudit(tx, actor, {
        organizationId: run.organizationId,
        storeId: run.storeId,
        action: "sync.odoo_sync_ended",
        outcome: run.status,
        details: { runId, endedAt, status: run.status, error: run.error, counters: run.counters },
      });
    },
  });
}

async function followUp({ runId, storeId, organizationId }: RunAttempt) {
  await db.transaction(async (tx) => {
    await lockStoreRuns(tx, storeId);
    const [run] = await tx.select().from(operationRuns).where(eq(operationRuns.id, runId));
    // Cancelled: its items leave the queue; those asked for after the cancel get a run (decision 103).
    if (run?.status === "cancelled") await dropCancelledItems(tx, storeId, runId);
    else if (run?.status !== "succeeded") return;
    const [active] = await tx
      .select({ id: operationRuns.id })
      .from(operationRuns)
      .where(
        and(
          eq(operationRuns.storeId, storeId),
          eq(operationRuns.kind, "sync"),
          inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        ),
      );
    if (active) return;
    const counts = await queueCounts(tx, storeId);
    const waiting = Object.entries(counts).filter(([, n]) => n > 0);
    if (waiting.length === 0) return;
    await startRun({
      kind: "sync",
      storeId,
      organizationId,
      trigger: "sync_request",
      scope: { request: { scope: "queued", after: runId } },
      counters: Object.fromEntries(waiting.map(([type, n]) => [type, { planned: n, done: 0, failed: 0 }])),
      tx,
    });
  });
}
