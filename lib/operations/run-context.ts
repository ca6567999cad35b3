// What an executor gets to report on its run: phases, counters, a checkpoint, its strategy and
// estimate. Writes check the execution's lease, so a superseded worker stops instead of writing
// over the one that took over. Progress events are throttled (the row is always up to date; a
// timer sends the latest figures); phase, status and finished events never are.
import type { Logger } from "pino";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import type { OperationRun } from "@/db/schema/operations";
import type { OperationCounters } from "@/lib/vocabulary/operations";
import { changeRun, type CounterDelta, type RunChange } from "./change-run";
import { RunCancelledError, RunLeaseLostError } from "./run-errors";

export type ProgressOptions = {
  /** Saved with the counters: where a resumed run continues. */
  checkpoint?: unknown;
  /** Write in the caller's transaction, so the work and its count commit together. */
  tx?: Db;
  /** Replace these types' counters instead of adding. */
  replace?: OperationCounters;
  estimatedFinishAt?: Date | null;
};

export type RunContext = {
  /** The run as this execution claimed it: scope, checkpoint, counters so far. */
  readonly run: OperationRun;
  /** Aborted when cancel is requested, another execution takes over, or the job is stopped. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Starts a phase; `planned` sets the planned count of these types. */
  phase(phase: string, options?: { planned?: Record<string, number | null>; tx?: Db }): Promise<void>;
  /** Adds done and failed (and sets planned) per type. */
  progress(delta: CounterDelta, options?: ProgressOptions): Promise<void>;
  checkpoint(checkpoint: unknown, options?: { tx?: Db }): Promise<void>;
  strategy(strategy: string): Promise<void>;
  /** Throws RunCancelledError if cancel was requested: call it where stopping leaves a consistent state. */
  throwIfCancelled(): void;
};

export const PROGRESS_EVENT_INTERVAL_MS = Number(process.env.SYNCO_RUN_EVENT_INTERVAL_MS ?? 250);

export type ContextControls = {
  context: RunContext;
  abort: (reason: Error) => void;
  /** Stops the progress timer: no event is written after this. */
  close: () => void;
};

export function createRunContext(run: OperationRun, lease: string, log: Logger): ContextControls {
  const controller = new AbortController();
  let lastEventAt = 0;
  let flushTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const write = async (change: Omit<RunChange, "lease">, tx: Db = db) => {
    const row = await changeRun(tx, run.id, { ...change, lease });
    if (!row) {
      const lost = new RunLeaseLostError(run.id);
      controller.abort(lost);
      throw lost;
    }
    if (row.cancelRequestedAt && !controller.signal.aborted) controller.abort(new RunCancelledError());
    if (change.event) lastEventAt = Date.now();
    return row;
  };

  const flush = () => {
    flushTimer = null;
    if (closed) return;
    write({ event: { type: "progress", fields: ["strategy", "estimatedFinishAt"] } }).catch((error: unknown) => {
      if (!(error instanceof RunLeaseLostError)) log.warn({ err: error }, "could not send the run's progress");
    });
  };

  const context: RunContext = {
    run,
    signal: controller.signal,
    log,
    async phase(phase, { planned, tx } = {}) {
      const add = planned
        ? Object.fromEntries(Object.entries(planned).map(([type, count]) => [type, { planned: count }]))
        : undefined;
      await write(
        {
          set: { phase, phaseStartedAt: sql`now()` },
          add,
          event: { type: "phase", fields: ["phase", "phaseStartedAt"] },
        },
        tx,
      );
    },
    async progress(delta, { checkpoint, tx, replace, estimatedFinishAt } = {}) {
      const due = Date.now() - lastEventAt >= PROGRESS_EVENT_INTERVAL_MS;
      await write(
        {
          set: {
            ...(checkpoint !== undefined ? { checkpoint } : {}),
            ...(estimatedFinishAt !== undefined ? { estimatedFinishAt } : {}),
          },
          add: delta,
          replace,
          event: due ? { type: "progress", fields: ["strategy", "estimatedFinishAt"] } : null,
        },
        tx,
      );
      if (!due && !flushTimer && !closed)
        flushTimer = setTimeout(flush, Math.max(0, lastEventAt + PROGRESS_EVENT_INTERVAL_MS - Date.now()));
    },
    async checkpoint(checkpoint, { tx } = {}) {
      await write({ set: { checkpoint }, event: null }, tx);
    },
    async strategy(strategy) {
      await write({ set: { strategy }, event: { type: "progress", fields: ["strategy", "estimatedFinishAt"] } });
    },
    throwIfCancelled() {
      const reason: unknown = controller.signal.reason;
      if (reason instanceof RunCancelledError || reason instanceof RunLeaseLostError) throw reason;
      controller.signal.throwIfAborted();
    },
  };

  return {
    context,
    abort: (reason) => {
      if (!controller.signal.aborted) controller.abort(reason);
    },
    close: () => {
      closed = true;
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
    },
  };
}
