// How the pages name runs, their phases and what they count.
import type { OperationRun } from "@/components/api/operations";
import { CLEAR_PHASE_LABEL, CLEAR_PHASES, type ClearPhase } from "@/lib/vocabulary/clear";
import { RESOURCE_TYPE_LABEL } from "@/lib/vocabulary/sync";

export const isClearPhase = (value: string | undefined): value is ClearPhase =>
  (CLEAR_PHASES as readonly string[]).includes(value ?? "");

/** What runs count, in the order they are shown: the resource types, then mapping rows. */
const UNITS: Record<string, { title: string; singular: string; plural: string }> = {
  ...RESOURCE_TYPE_LABEL,
  mapping: { title: "Mappings", singular: "mapping", plural: "mappings" },
  metafields: { title: "Metafields in Shopify", singular: "metafield", plural: "metafields" },
};
const UNIT_ORDER = Object.keys(UNITS);

export const unitTitle = (unit: string) => UNITS[unit]?.title ?? unit;

export function orderedUnits(run: OperationRun): string[] {
  return Object.keys(run.counters).sort(
    (a, b) => (UNIT_ORDER.indexOf(a) + 1 || 99) - (UNIT_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
}

/** The sentence for where a run stands now. */
export function describeStep(run: OperationRun): string {
  if (run.cancelRequested && run.status === "running") return "Stopping at the next safe point…";
  if (run.status === "queued")
    return run.error ? `Trying again shortly — the last attempt failed: ${run.error}` : "Waiting to start…";
  const phase = run.phase ?? "";
  const [step, unit] = phase.split(":");
  const plural = UNITS[unit ?? ""]?.plural ?? unit;
  switch (step) {
    case "seeding":
      return "Creating products, customers and orders";
    case "webhooks":
      return "Subscribing to Shopify's change notifications";
    case "sync_state":
      return "Reading the sync state an earlier Synco install left in Shopify";
    case "export":
      return `Shopify is preparing the ${plural} for export`;
    case "import":
      return `Reading ${plural} from Shopify`;
    case "reconcile":
      return "Checking the counts";
    case "checking":
      return "Checking each row against Shopify and Odoo, and restoring the valid ones";
    case "finishing":
      return "Counting what was restored";
    case "writing":
      return "Writing each mapping to its item's sync metafield";
    case "syncing":
      return `Syncing ${plural} to Odoo`;
    case "waiting_for_clear":
      return "Waiting for Clear Synco Data to finish";
    case "":
      return "Starting…";
    default:
      return isClearPhase(step) ? CLEAR_PHASE_LABEL[step] : phase.replaceAll("_", " ");
  }
}

/** The one figure a row has room for: the unit the run works on now. */
export function currentFigure(run: OperationRun): string | null {
  const units = orderedUnits(run);
  const phaseUnit = run.phase?.split(":")[1];
  const unit =
    (phaseUnit && run.counters[phaseUnit] ? phaseUnit : undefined) ??
    units.find((name) => {
      const { planned, done } = run.counters[name]!;
      return planned === null || done < planned;
    }) ??
    units.at(-1);
  if (!unit) return null;
  const { planned, done } = run.counters[unit]!;
  const count = new Intl.NumberFormat("en");
  return planned !== null
    ? `${unitTitle(unit)}: ${count.format(Math.min(done, planned))} of ${count.format(planned)}`
    : `${unitTitle(unit)}: ${count.format(done)} so far`;
}
