// What a clear run carries from one batch to the next, saved as the run's checkpoint in the
// transaction of the work it describes: a resumed or retried run continues from it and counts
// nothing twice. The keys and strategy are fixed when the run first starts.
import type { OperationRun } from "@/db/schema/operations";
import type { Actor } from "@/lib/audit/record-audit";
import type { ClearPhase, ClearStrategy } from "@/lib/vocabulary/clear";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { TClearSummary, TUnreachableOrders } from "./schemas";
import type { ClearRunScope } from "./start-clear";

export type Tally = { metafieldsDeleted: number; mappingsDeleted: number; refused: number };
export type Cursor = { type: ResourceType; after: number };

export type ClearCheckpoint = {
  stage: Exclude<ClearPhase, "pausing">;
  strategy: ClearStrategy;
  /** The current namespace when the run started (Synco's own `sync` metafields are deleted from it first). */
  namespace: string;
  /** Every `namespace.key` cleared on the types in scope. */
  keys: string[];
  /** delete_known by calls: the next mapping rows after this one. */
  known: Cursor | null;
  /** delete_known in bulk: the operation submitted, waited for again after a restart. */
  bulkOperationId: string | null;
  fellBackToPaged: boolean;
  /** database: the mapping rows are deleted in key order after this one. */
  database: Cursor | null;
  tallies: Partial<Record<ResourceType, Tally>>;
  refusals: TClearSummary["refusals"];
  remaining: number | null;
  unreachableOrders: TUnreachableOrders | null;
  /** Synco's known metafields, plus what the search found. */
  metafieldsPlanned: number;
  apiCalls: number;
  apiPoints: number;
};

export const MAX_REFUSALS_KEPT = 20;

export function addTally(checkpoint: ClearCheckpoint, type: ResourceType, delta: Partial<Tally>) {
  const tally = (checkpoint.tallies[type] ??= { metafieldsDeleted: 0, mappingsDeleted: 0, refused: 0 });
  tally.metafieldsDeleted += delta.metafieldsDeleted ?? 0;
  tally.mappingsDeleted += delta.mappingsDeleted ?? 0;
  tally.refused += delta.refused ?? 0;
}

export function clearScope(run: OperationRun): ClearRunScope {
  const scope = run.scope as Partial<ClearRunScope>;
  return { types: scope.types ?? [], requestedFrom: scope.requestedFrom ?? { ip: null, userAgent: null } };
}

/** The person who asked, as the audit log records the run's own steps (with the request's address). */
export function runActor(run: OperationRun): Actor | null {
  if (!run.actorEmail) return null;
  const { requestedFrom } = clearScope(run);
  return { userId: run.actorId ?? "", email: run.actorEmail, name: "", ...requestedFrom };
}
