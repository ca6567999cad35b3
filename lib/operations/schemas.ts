// What the operations API and its event streams send, and the queries they accept. No server
// imports: the pages use these too (and `applyRunEvent` to fold events into a run).
import { z } from "zod";
import {
  OPERATION_KINDS,
  type OperationCounters,
  type OperationEventType,
  type OperationKind,
  type OperationStatus,
  type OperationTrigger,
} from "@/lib/vocabulary/operations";

export type { OperationCounters, OperationCounter, OperationKind, OperationStatus } from "@/lib/vocabulary/operations";

/** A run as the browser sees it. */
export type TOperationRun = {
  id: string;
  storeId: string;
  organizationId: string;
  kind: OperationKind;
  status: OperationStatus;
  /** Exclusive runs (clear, sync) are one per store at a time, whatever the kind of the other. */
  exclusive: boolean;
  scope: Record<string, unknown>;
  phase: string | null;
  phaseStartedAt: string | null;
  /** Per resource type: planned (null while unknown), done and failed. */
  counters: OperationCounters;
  strategy: string | null;
  /** The kind's own estimate of the end; without it, estimate from done ÷ elapsed in the phase. */
  estimatedFinishAt: string | null;
  trigger: OperationTrigger;
  /** Who asked; null when the product started it (after connecting, seeding, a mapping write). */
  actor: { id: string | null; email: string | null } | null;
  attempt: number;
  resumes: number;
  cancelRequested: boolean;
  /** What the kind allows: cancel while queued or running, resume once failed or cancelled. */
  cancellable: boolean;
  resumable: boolean;
  error: string | null;
  summary: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  /** The sequence number of the run's last event: the SSE id a snapshot stands for. */
  lastSeq: number;
};

/** The run's fields an event carries (absolute values, so applying one twice changes nothing). */
export type TRunPatch = Partial<
  Pick<
    TOperationRun,
    | "status"
    | "phase"
    | "phaseStartedAt"
    | "counters"
    | "strategy"
    | "estimatedFinishAt"
    | "attempt"
    | "resumes"
    | "cancelRequested"
    | "error"
    | "summary"
    | "startedAt"
    | "finishedAt"
  >
>;

/**
 * One entry of a run's timeline. `status`: queued, running (an attempt started), queued again
 * (a retry or a resume, with `reason`), cancel requested; `phase`: a new phase; `progress`:
 * counters, strategy, estimate; `finished`: succeeded, failed or cancelled, with the error or summary.
 */
export type TOperationEvent = {
  runId: string;
  seq: number;
  type: OperationEventType;
  at: string;
  data: TRunPatch & { reason?: string };
};

/** What every event stream sends: per run, its timeline; per store or organization, runs as they change. */
export type TRunSnapshot = { run: TOperationRun };
export type TRunsSnapshot = { runs: TOperationRun[] };
export type TRunUpdate = { run: TOperationRun; event: OperationEventType };

export const TERMINAL_STATUSES = ["succeeded", "failed", "cancelled"] as const satisfies readonly OperationStatus[];
export const isActiveStatus = (status: OperationStatus) => status === "queued" || status === "running";

/** Folds one event into a run; events older than the run's state are ignored. */
export function applyRunEvent(run: TOperationRun, event: TOperationEvent): TOperationRun {
  if (event.runId !== run.id || event.seq <= run.lastSeq) return run;
  const { reason: _reason, ...patch } = event.data;
  return { ...run, ...patch, lastSeq: event.seq, updatedAt: event.at };
}

export const ZRunParams = z.object({
  runId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a run id"),
});

export const RUNS_PAGE_SIZE = 20;

export const ZListRunsQuery = z.object({
  kind: z
    .string()
    .optional()
    .transform((value) => (value ? [...new Set(value.split(",").map((part) => part.trim()))] : undefined))
    .refine(
      (kinds) => !kinds || kinds.every((kind) => (OPERATION_KINDS as readonly string[]).includes(kind)),
      `must be one or more of ${OPERATION_KINDS.join(", ")}, separated by commas`,
    )
    .transform((kinds) => kinds as OperationKind[] | undefined),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be between 1 and 100")
    .max(100, "limit must be between 1 and 100")
    .default(RUNS_PAGE_SIZE),
  before: z.string().max(100, "before is not a cursor from this list").optional(),
});
export type TListRunsQuery = z.infer<typeof ZListRunsQuery>;

/** GET …/operations/:runId, and the answer of cancel and resume. */
export type TRunResponse = { run: TOperationRun };
/** GET /api/organization/operations */
export type TActiveRunsResponse = { runs: TOperationRun[] };

/** GET /api/stores/:storeId/operations */
export type TRunsPage = {
  /** Queued and running runs, oldest first (on the first page only). */
  active: TOperationRun[];
  /** Finished runs, newest first. */
  history: TOperationRun[];
  nextCursor: string | null;
};

/** The event a reconnecting client last saw: the `Last-Event-ID` header, or `?lastEventId=` for clients that cannot set it. */
export const ZRunStreamInput = z.object({
  lastEventId: z.preprocess(
    (value) => (value === null || value === "" ? undefined : value),
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(0, "must be a whole number")
      .optional(),
  ),
});
