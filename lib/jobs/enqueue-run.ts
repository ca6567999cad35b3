// Queues a job that executes an operation run, and the run itself, in the caller's transaction:
// the run exists exactly when its job does, and a page shows it as queued from that commit on.
// The database decides what may start: one run of a kind per store (asking again returns the one
// queued or running), one exclusive run (the clear) per store (a second is a conflict naming
// the first), and one run per idempotency key (the same key returns the same run). A sync may be
// queued during a clear and waits for it; a clear asked for while a sync is queued or running is a
// conflict naming the sync (both take the store's run lock first, so neither slips past the other).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/handle";
import { operationEvents, operationRuns, type OperationRun } from "@/db/schema/operations";
import { storeRunsScope } from "@/db/store-scope";
import { AppError } from "@/lib/errors/app-error";
import {
  ACTIVE_OPERATION_STATUSES,
  EXCLUSIVE_OPERATION_KINDS,
  WAITS_FOR_CLEAR_KINDS,
  type OperationCounters,
  type OperationKind,
  type OperationTrigger,
} from "@/lib/vocabulary/operations";
import { jobsSchema } from "./boss";
import { JOBS, type JobName } from "./definitions";
import { enqueue } from "./enqueue";

export type RunTarget = { storeId: string; organizationId: string };

/**
 * The store's run lock: starting a clear or a run that waits for one, queueing a sync's items and
 * cancelling a run take it, so none of them interleave (decisions 92, 103).
 */
export async function lockStoreRuns(tx: Db, storeId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`synco:store-runs:${storeId}`}, 0))`);
}

export type EnqueueRunOptions = {
  tx: Db;
  /** Who asked; null when the product started the run itself. */
  actor?: { userId: string; email: string } | null;
  trigger?: OperationTrigger;
  scope?: Record<string, unknown>;
  idempotencyKey?: string | null;
  /** What is known of the work from the start (planned counts). */
  counters?: OperationCounters;
};

export type QueuedRun = { run: OperationRun; created: boolean };

export async function enqueueRun(name: JobName, target: RunTarget, options: EnqueueRunOptions): Promise<QueuedRun> {
  const kind = JOBS[name].run?.kind;
  if (!kind) throw new Error(`job ${name} does not execute operation runs`);
  const queued = await createRun(kind, target, options);
  if (!queued.created) return queued;
  const { tx } = options;
  const jobId = await enqueue(name, { runId: queued.run.id, ...target }, { tx, singletonKey: queued.run.id });
  const [run] = await tx
    .update(operationRuns)
    .set({ jobSchema: jobsSchema(), jobName: name, jobId })
    .where(eq(operationRuns.id, queued.run.id))
    .returning();
  return { run: run!, created: true };
}

/**
 * The run alone, for a job that opens its own run when it finds work (the mirror): pass `job`,
 * the job that will execute it. Same rules as enqueueRun.
 */
export async function createRun(
  kind: OperationKind,
  target: RunTarget,
  options: EnqueueRunOptions & { job?: { name: JobName; id: string } },
): Promise<QueuedRun> {
  const inserted = await insertRun(options.tx, kind, target, options);
  if (!inserted) return { run: await existingRun(options.tx, kind, target, options), created: false };
  return { run: inserted, created: true };
}

async function insertRun(
  tx: Db,
  kind: OperationKind,
  { storeId, organizationId }: RunTarget,
  options: EnqueueRunOptions & { job?: { name: JobName; id: string } },
): Promise<OperationRun | null> {
  const waitsForClear = (WAITS_FOR_CLEAR_KINDS as readonly string[]).includes(kind);
  if (kind === "clear" || waitsForClear) {
    await lockStoreRuns(tx, storeId);
    if (kind === "clear") {
      const [waiting] = await tx
        .select()
        .from(operationRuns)
        .where(
          and(
            storeRunsScope({ storeId, organizationId }),
            inArray(operationRuns.kind, [...WAITS_FOR_CLEAR_KINDS]),
            inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
          ),
        )
        .limit(1);
      if (waiting) {
        if (options.idempotencyKey) {
          const [same] = await tx
            .select()
            .from(operationRuns)
            .where(
              and(
                storeRunsScope({ storeId, organizationId }),
                eq(operationRuns.kind, kind),
                eq(operationRuns.idempotencyKey, options.idempotencyKey),
              ),
            );
          if (same) return null;
        }
        throw new AppError(
          "conflict",
          `A ${waiting.kind} is ${waiting.status} for this store: wait for it or cancel it`,
          {
            details: { runId: waiting.id, kind: waiting.kind, status: waiting.status },
          },
        );
      }
    }
  }
  const [run] = await tx
    .insert(operationRuns)
    .values({
      organizationId,
      storeId,
      kind,
      scope: options.scope ?? {},
      trigger: options.trigger ?? (options.actor ? "user" : "connect"),
      actorId: options.actor?.userId ?? null,
      actorEmail: options.actor?.email ?? null,
      idempotencyKey: options.idempotencyKey ?? null,
      jobSchema: options.job ? jobsSchema() : null,
      jobName: options.job?.name ?? null,
      jobId: options.job?.id ?? null,
      counters: options.counters ?? {},
      lastSeq: 1,
    })
    .onConflictDoNothing()
    .returning();
  if (!run) return null;
  await tx.insert(operationEvents).values({ runId: run.id, seq: 1, type: "status", data: { status: "queued" } });
  return run;
}

/** Why the insert did not happen: the same idempotency key, the kind's run already active, or an exclusive one. */
async function existingRun(
  tx: Db,
  kind: OperationKind,
  { storeId, organizationId }: RunTarget,
  { idempotencyKey }: EnqueueRunOptions,
): Promise<OperationRun> {
  const ofStore = storeRunsScope({ storeId, organizationId });
  if (idempotencyKey) {
    const [same] = await tx
      .select()
      .from(operationRuns)
      .where(and(ofStore, eq(operationRuns.kind, kind), eq(operationRuns.idempotencyKey, idempotencyKey)));
    if (same) return same;
  }
  const exclusive = (EXCLUSIVE_OPERATION_KINDS as readonly string[]).includes(kind);
  const [active] = await tx
    .select()
    .from(operationRuns)
    .where(
      and(
        ofStore,
        inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        exclusive ? eq(operationRuns.exclusive, true) : eq(operationRuns.kind, kind),
      ),
    )
    .orderBy(sql`${operationRuns.createdAt}`)
    .limit(1);
  if (active && !exclusive) return active;
  if (active)
    throw new AppError("conflict", `Another ${active.kind} is already ${active.status} for this store`, {
      details: { runId: active.id, kind: active.kind, status: active.status },
    });
  // The conflicting run finished between the insert and this read: the caller may simply try again.
  throw new AppError("conflict", "Another operation was starting for this store; try again", {
    details: { kind },
  });
}
