// Runs a restore run's job in the test's own process, now (its queued job removed first, so no
// worker executes it as well): the run through the operations model, then its end audited.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import { getBoss } from "@/lib/jobs/boss";
import { runRestoreJob } from "../run-restore-job";

export async function restoreNow(runId: string): Promise<OperationRun> {
  const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  if (!run) throw new Error(`no run ${runId}`);
  if (run.jobName && run.jobId) await (await getBoss()).deleteJob(run.jobName, run.jobId);
  await runRestoreJob({
    runId,
    storeId: run.storeId,
    organizationId: run.organizationId,
    job: { id: run.jobId ?? randomUUID(), final: true },
  });
  const [after] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  return after!;
}
