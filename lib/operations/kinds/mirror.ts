// The `mirror` kind: mapping writes reaching Shopify as `sync` metafields (lib/mappings). Its job
// runs after every mapping write (one running and one queued per store), so most rounds are
// small; a round with nothing to write records no run. A round with work opens a run (or adopts
// the store's unfinished one, whose job died), counts each row as the transaction that marks it
// written commits, and ends when nothing is pending. See docs/decisions.md (mirror runs).
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { operationRuns } from "@/db/schema/operations";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import type { JobPayload } from "@/lib/jobs/definitions";
import { createRun } from "@/lib/jobs/enqueue-run";
import { mirrorMappings } from "@/lib/mappings/mirror-mappings";
import { syncPausedFor } from "@/lib/mappings/sync-paused";
import { findStore } from "@/lib/stores/find-store";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import { executeRun, type RunAttempt, type RunExecutor } from "../execute-run";
import { RunFailedError } from "../run-errors";

type Job = RunAttempt["job"];

/** The `mappings.mirror` job. */
export async function runMirrorJob(payload: JobPayload<"mappings.mirror">, job: Job): Promise<void> {
  const { storeId, organizationId } = payload;
  // A resume names its run; if that run ended meanwhile, this is an ordinary round.
  const resumed = payload.runId ? await activeMirrorRun(storeId, payload.runId) : null;
  const runId = resumed ?? (await adoptOrOpenRun(storeId, organizationId, job));
  // Nothing to write, or the store cannot take writes now (paused, disconnected): the mirror
  // itself decides what that means (a paused store's mirror is queued again for later).
  if (!runId) {
    await mirrorMappings({ storeId, organizationId });
    return;
  }
  await executeRun({ runId, storeId, organizationId, job }, runMirror);
}

const runMirror: RunExecutor = async (ctx) => {
  const { storeId, organizationId } = ctx.run;
  const pending = await pendingByType(storeId);
  const planned = Object.fromEntries(
    Object.entries(pending).map(([type, count]) => [type, (ctx.run.counters[type]?.done ?? 0) + count]),
  );
  await ctx.phase("writing", { planned });
  const result = await mirrorMappings({
    storeId,
    organizationId,
    onRecorded: (tx, counts) => ctx.progress(counts, { tx }),
  });
  if (result.stopped === "access_lost")
    throw new RunFailedError(
      "Shopify no longer accepts Synco's access to this store; the mappings wait until it is reconnected",
    );
  await ctx.strategy(result.bulkOperations > 0 ? "bulk" : "paged");
  return { ...result };
};

async function activeMirrorRun(storeId: string, runId?: string): Promise<string | null> {
  const [open] = await db
    .select({ id: operationRuns.id })
    .from(operationRuns)
    .where(
      and(
        eq(operationRuns.storeId, storeId),
        eq(operationRuns.kind, "mirror"),
        inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        runId ? eq(operationRuns.id, runId) : undefined,
      ),
    );
  return open?.id ?? null;
}

async function adoptOrOpenRun(storeId: string, organizationId: string, job: Job): Promise<string | null> {
  // Only one mirror job of a store is active at a time: a run still open is one whose job died.
  const open = await activeMirrorRun(storeId);
  if (open) return open;
  const store = await findStore({ storeId, organizationId }).catch(() => null);
  if (!store || store.status !== "connected" || (await syncPausedFor(store))) return null;
  const pending = await pendingByType(storeId);
  if (Object.keys(pending).length === 0) return null;
  const { run } = await db.transaction((tx) =>
    createRun(
      "mirror",
      { storeId, organizationId },
      {
        tx,
        trigger: "mapping_write",
        job: { name: "mappings.mirror", id: job.id },
        counters: Object.fromEntries(
          Object.entries(pending).map(([type, count]) => [type, { planned: count, done: 0, failed: 0 }]),
        ),
      },
    ),
  );
  return run.id;
}

async function pendingByType(storeId: string): Promise<Record<string, number>> {
  // Counts every pending row of the store: a store-wide statement, limited like the others.
  const { rows } = await db.transaction(async (tx) => {
    await limitStatements(tx, STATEMENT_LIMITS.storeWide);
    return tx.execute<{ resource_type: string; pending: number }>(sql`
      select resource_type, count(*)::int as pending from ${syncMappings}
      where store_id = ${storeId} and mirror_state = 'pending' group by resource_type`);
  });
  return Object.fromEntries(rows.map((row) => [row.resource_type, Number(row.pending)]));
}
