import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns, type OperationRun } from "@/db/schema/operations";
import { storeRunsScope } from "@/db/store-scope";
import { notFound } from "@/lib/errors/app-error";
import { toRunView } from "./run-view";
import { ZRunParams, type TRunResponse } from "./schemas";

export type RunRef = { runId: string; storeId: string; organizationId: string };

/** The run, only within its store and organization (tenancy in the where); 404 otherwise. */
export async function findRun({ runId, storeId, organizationId }: RunRef): Promise<OperationRun> {
  if (!ZRunParams.safeParse({ runId }).success) throw notFound("Run");
  const [run] = await db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.id, runId), storeRunsScope({ storeId, organizationId })));
  if (!run) throw notFound("Run");
  return run;
}

export async function getRun(ref: RunRef): Promise<TRunResponse> {
  return { run: toRunView(await findRun(ref)) };
}
