// The one writer of a run's state: a change to the row and, unless it is a throttled progress
// write, the event that describes it — one more sequence number and one row in operation_events,
// in one transaction (the insert NOTIFYs every app process on commit). Every event carries the
// run's counters, so a client that skipped some progress events still shows the right figures.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/handle";
import { operationEvents, operationRuns, type NewOperationRun, type OperationRun } from "@/db/schema/operations";
import type { OperationCounters, OperationEventType } from "@/lib/vocabulary/operations";
import { toRunView } from "./run-view";
import type { TRunPatch } from "./schemas";

/** Per type: done and failed to add, planned to set (null: unknown). */
export type CounterDelta = Record<string, { planned?: number | null; done?: number; failed?: number }>;

type Settable = { [K in keyof NewOperationRun]?: NewOperationRun[K] | SQL };

export type RunChange = {
  set?: Settable;
  add?: CounterDelta;
  /** Replaces these types' counters (a total reported by Shopify, say). */
  replace?: OperationCounters;
  /** The event this change is, with the run fields it carries; null writes the row only. */
  event: { type: OperationEventType; fields?: (keyof TRunPatch)[]; reason?: string } | null;
  /** Only while this execution still owns the run. */
  lease?: string;
  where?: SQL;
};

export async function changeRun(db: Db, runId: string, change: RunChange): Promise<OperationRun | null> {
  const counters =
    change.add || change.replace
      ? sql`synco_add_counters(${operationRuns.counters}, ${JSON.stringify(change.add ?? {})}::jsonb) || ${JSON.stringify(change.replace ?? {})}::jsonb`
      : undefined;
  const write = async (tx: Db) => {
    const [row] = await tx
      .update(operationRuns)
      .set({
        ...change.set,
        ...(counters ? { counters } : {}),
        ...(change.event ? { lastSeq: sql`${operationRuns.lastSeq} + 1` } : {}),
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(operationRuns.id, runId),
          change.lease ? eq(operationRuns.lease, change.lease) : undefined,
          change.where,
        ),
      )
      .returning();
    if (!row || !change.event) return row ?? null;
    const view = toRunView(row);
    const data: Record<string, unknown> = { counters: view.counters };
    for (const field of change.event.fields ?? []) data[field] = view[field];
    if (change.event.reason) data.reason = change.event.reason;
    await tx
      .insert(operationEvents)
      .values({ runId, seq: row.lastSeq, type: change.event.type, at: row.updatedAt, data });
    return row;
  };
  return change.event ? db.transaction(write) : write(db);
}
