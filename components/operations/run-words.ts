// How the run history names a finished run: its outcome, who started it, what it covered, how long it took.
import type { OperationRun } from "@/components/api/operations";
import { formatCount } from "@/components/sync/format";
import type { OperationStatus, OperationTrigger } from "@/lib/vocabulary/operations";
import { RESOURCE_TYPE_LABEL, RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { orderedUnits, unitTitle } from "./operation-words";

export const RUN_OUTCOME: Record<
  OperationStatus,
  { label: string; tone?: "success" | "critical" | "warning" | "info" }
> = {
  queued: { label: "Waiting", tone: "info" },
  running: { label: "Running", tone: "info" },
  succeeded: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "critical" },
  cancelled: { label: "Cancelled", tone: "warning" },
};

const STARTED_BY: Record<OperationTrigger, string> = {
  user: "Synco",
  connect: "Synco, after the store was connected",
  seed: "Synco, after seeding",
  mapping_write: "Synco, after mappings changed",
  resume: "Synco, resuming",
  webhook: "Synco, automatic sync after a change in Shopify",
  sync_request: "Synco, for items asked for during the last sync",
};

export function runStartedBy(run: OperationRun): string {
  return run.actor?.email ?? STARTED_BY[run.trigger];
}

const isResourceType = (value: unknown): value is ResourceType =>
  typeof value === "string" && (RESOURCE_TYPES as readonly string[]).includes(value);

/** The resource types a run covered (a clear's `scope.types`), or null when its kind has no such scope. */
export function runScopeWords(run: OperationRun): string | null {
  const types = (run.scope as { types?: unknown }).types;
  if (!Array.isArray(types)) return null;
  const known = types.filter(isResourceType);
  if (known.length === RESOURCE_TYPES.length) return "Products, customers and orders";
  return known.map((type) => RESOURCE_TYPE_LABEL[type].title).join(", ") || null;
}

type SyncFigures = {
  linked?: Record<string, number>;
  created?: Record<string, number>;
  failed?: Record<string, number>;
};

/**
 * A finished sync's summary per type, in the merchant's words:
 * "Orders: 5,000 linked to existing Odoo records, 0 created" (", 2 failed" when some did).
 * Empty for other runs and for a sync that ended before its summary was written.
 */
export function syncSummaryLines(run: Pick<OperationRun, "kind" | "summary">): string[] {
  if (run.kind !== "sync" || !run.summary) return [];
  const { linked = {}, created = {}, failed = {} } = run.summary as SyncFigures;
  return RESOURCE_TYPES.filter((type) => type in linked || type in created || type in failed).map((type) => {
    const n = (counts: Record<string, number>) => formatCount(counts[type] ?? 0);
    const link = `${n(linked)} linked to ${(linked[type] ?? 0) === 1 ? "an existing Odoo record" : "existing Odoo records"}`;
    return `${RESOURCE_TYPE_LABEL[type].title}: ${link}, ${n(created)} created${failed[type] ? `, ${n(failed)} failed` : ""}`;
  });
}

/** "Products 1,200 of 1,200 · Orders 40 of 42, 2 failed" (a finished sync: what it linked and created). */
export function runCountWords(run: OperationRun): string {
  const sync = syncSummaryLines(run);
  if (sync.length > 0) return sync.join(" · ");
  return orderedUnits(run)
    .map((unit) => {
      const { planned, done, failed } = run.counters[unit]!;
      const figure = planned !== null ? `${formatCount(done)} of ${formatCount(planned)}` : formatCount(done);
      return `${unitTitle(unit)} ${figure}${failed > 0 ? `, ${formatCount(failed)} failed` : ""}`;
    })
    .join(" · ");
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function runDuration(run: OperationRun): string | null {
  if (!run.startedAt || !run.finishedAt) return null;
  return formatDuration(new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime());
}
