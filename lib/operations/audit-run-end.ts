// A long run's end in the audit log, once per end. The job's attempt, a cancel and the guard may all
// get here for one run: one writer per run at a time (an advisory lock), and an end already recorded
// under one of the kind's end actions (same run, same `finishedAt`) is not recorded again. A resumed
// run that ends again is another end.
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { auditLog } from "@/db/schema/audit";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import type { AuditAction } from "@/lib/vocabulary/audit";
import type { OperationKind } from "@/lib/vocabulary/operations";

/** A run that has ended: its status final, its end time set. */
type EndedRun = Omit<OperationRun, "status" | "finishedAt"> & {
  status: Exclude<OperationRun["status"], "queued" | "running">;
  finishedAt: Date;
};

/**
 * Calls `record` in the lock's transaction when the run is of `kind`, has ended (neither queued nor
 * running) and none of `actions` records this end yet; `record` writes the end's audit row, its
 * details carrying `runId` and `endedAt`.
 */
export async function auditRunEndOnce(
  runId: string,
  {
    kind,
    actions,
    record,
  }: {
    kind: OperationKind;
    actions: readonly AuditAction[];
    record: (tx: Db, run: EndedRun, endedAt: string) => Promise<void>;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`synco:${kind}-end:${runId}`}, 0))`);
    const [run] = await tx.select().from(operationRuns).where(eq(operationRuns.id, runId));
    if (!run || run.kind !== kind || !run.finishedAt) return;
    if (run.status === "queued" || run.status === "running") return;
    const endedAt = run.finishedAt.toISOString();
    const [recorded] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.storeId, run.storeId),
          inArray(auditLog.action, [...actions]),
          sql`${auditLog.details}->>'runId' = ${runId}`,
          sql`${auditLog.details}->>'endedAt' = ${endedAt}`,
        ),
      )
      .limit(1);
    if (recorded) return;
    await record(tx, run as EndedRun, endedAt);
  });
}
