// Runs in the test's own process, now, the way their job would: tests call services without
// waiting for workers. The run's queued job is removed first, so no worker executes it as well.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import { getBoss } from "@/lib/jobs/boss";
import { executeRun, type RunExecutor } from "../execute-run";
import { runIndexRefresh } from "../kinds/index-refresh";
import { startRun } from "../start-run";

type Target = { storeId: string; organizationId: string };

export async function executeNow(
  runId: string,
  executor: RunExecutor,
  { final = true }: { final?: boolean } = {},
): Promise<OperationRun> {
  const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  if (!run) throw new Error(`no run ${runId}`);
  if (run.jobName && run.jobId) await (await getBoss()).deleteJob(run.jobName, run.jobId);
  const target = { storeId: run.storeId, organizationId: run.organizationId };
  await executeRun({ runId, ...target, job: { id: run.jobId ?? randomUUID(), final } }, executor);
  const [after] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  return after!;
}

/** The store's index refresh (the queued one, or a new one), executed now. */
export async function refreshIndexNow(target: Target, options: { final?: boolean } = {}): Promise<OperationRun> {
  const { run } = await startRun({ kind: "index_refresh", ...target, trigger: "user" });
  return executeNow(run.id, runIndexRefresh, options);
}
