// The words of operations (lib/operations), defined once: the database columns, the API's types
// and the pages' labels derive from these. Plain constants, safe in the browser.

/** Kinds of long work a store's runs do. */
export const OPERATION_KINDS = ["seed", "index_refresh", "mirror", "clear", "sync", "restore"] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
/** Kinds of which a store runs one at a time, whatever the kind of the other (held by the database). */
export const EXCLUSIVE_OPERATION_KINDS = ["clear", "restore"] as const satisfies readonly OperationKind[];
/**
 * Kinds a clear may not start beside (a 409 naming the run), though they may be queued while a
 * clear is under way: they wait for it (decision 85).
 */
export const WAITS_FOR_CLEAR_KINDS = ["sync"] as const satisfies readonly OperationKind[];
/** What the pages call a run of each kind, under way and done. */
export const OPERATION_KIND_TITLE: Record<OperationKind, { active: string; done: string }> = {
  seed: { active: "Seeding the sandbox store", done: "Sandbox store seeded" },
  index_refresh: { active: "Reading items from Shopify", done: "Read from Shopify" },
  mirror: { active: "Writing mappings to Shopify", done: "Mappings written to Shopify" },
  clear: { active: "Clearing Synco data", done: "Synco data cleared" },
  sync: { active: "Syncing with Odoo", done: "Synced with Odoo" },
  restore: { active: "Restoring the mapping from an export", done: "Mapping restored from an export" },
};
/** A run's kind as a name (the run history's column). */
export const OPERATION_KIND_LABEL: Record<OperationKind, string> = {
  seed: "Sandbox seeding",
  index_refresh: "Refresh from Shopify",
  mirror: "Mappings written to Shopify",
  clear: "Clear Synco Data",
  sync: "Sync with Odoo",
  restore: "Restore from export",
};
/** The same, inside a sentence ("Stopped the refresh from Shopify of …"). */
export const OPERATION_KIND_NOUN: Record<OperationKind, string> = {
  seed: "the seeding",
  index_refresh: "the refresh from Shopify",
  mirror: "the writing of mappings to Shopify",
  clear: "the clearing of Synco data",
  sync: "the sync with Odoo",
  restore: "the restore from an export",
};

export const OPERATION_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export const ACTIVE_OPERATION_STATUSES = ["queued", "running"] as const satisfies readonly OperationStatus[];
export const TERMINAL_OPERATION_STATUSES = [
  "succeeded",
  "failed",
  "cancelled",
] as const satisfies readonly OperationStatus[];

/** Why a run exists: a person asked, or the product started it after something else happened. */
export const OPERATION_TRIGGERS = [
  "user",
  "connect",
  "seed",
  "mapping_write",
  "resume",
  "webhook",
  "sync_request",
] as const;
export type OperationTrigger = (typeof OPERATION_TRIGGERS)[number];

/** A run's timeline: status changes, phases, progress, and its end. */
export const OPERATION_EVENT_TYPES = ["status", "phase", "progress", "finished"] as const;
export type OperationEventType = (typeof OPERATION_EVENT_TYPES)[number];

/** Items of one resource type: planned (null while unknown), done, and failed (refused, not fatal). */
export type OperationCounter = { planned: number | null; done: number; failed: number };
/** Per resource type (product, customer, order), or any unit a kind counts in. */
export type OperationCounters = Record<string, OperationCounter>;
