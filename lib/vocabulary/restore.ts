// The words of restoring a mapping from an export: how each row of the file ended and why a row
// was not restored, defined once for the database, the API and the pages. Safe in the browser.

/** The largest file accepted: a 100,000-row export is about 35 MB as JSON, 25 MB as CSV. */
export const RESTORE_MAX_BYTES = 64 * 1024 * 1024;
/** Rows one file may hold (every row is checked against Shopify and Odoo). */
export const RESTORE_MAX_ROWS = 250_000;

/** How a row ended: restored (a mapping again), unchanged (already mapped the same way), skipped (with a reason). */
export const RESTORE_ROW_OUTCOMES = ["restored", "unchanged", "skipped"] as const;
export type RestoreRowOutcome = (typeof RESTORE_ROW_OUTCOMES)[number];

/** A staged row's cells as uploaded: the mapping export's column name → the cell's text. */
export type RestoreRowCells = Partial<Record<string, string>>;

/** Why a row was skipped. */
export const RESTORE_SKIP_REASONS = [
  "invalid_row",
  "not_synced",
  "duplicate_row",
  "shopify_missing",
  "odoo_missing",
  "key_mismatch",
  "mapped_elsewhere",
] as const;
export type RestoreSkipReason = (typeof RESTORE_SKIP_REASONS)[number];

export const RESTORE_SKIP_REASON_LABEL: Record<RestoreSkipReason, string> = {
  invalid_row: "Not a valid mapping row",
  not_synced: "Not synced when exported",
  duplicate_row: "Same item earlier in the file",
  shopify_missing: "Item not in this Shopify store",
  odoo_missing: "Odoo record no longer exists",
  key_mismatch: "Odoo record no longer matches",
  mapped_elsewhere: "Already mapped to another Odoo record",
};

/** The phases of a restore run. */
export const RESTORE_PHASES = ["checking", "finishing"] as const;
export type RestorePhase = (typeof RESTORE_PHASES)[number];
