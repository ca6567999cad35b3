// What each kind of operation allows and which job executes it. A new kind (the clear, the sync)
// adds its line here, a job definition with `run: { kind }` (lib/jobs/definitions.ts), and its
// executor in the job handler table (lib/jobs/handlers.ts) through `executeRun`.
import type { JobName } from "@/lib/jobs/definitions";
import type { OperationKind } from "@/lib/vocabulary/operations";

export type OperationKindRules = {
  /** The job that executes the kind's runs; `key` is its pg-boss singleton key. */
  job: { name: JobName; key: "run" | "store" } | null;
  /** Cancel while queued (at once) or running (at its next checkpoint). */
  cancellable: boolean;
  /** Resume a failed or cancelled run from its checkpoint. */
  resumable: boolean;
  /** How many times the guard queues a run again whose job died, before failing it. */
  automaticResumes: number;
};

export const OPERATION_KIND_RULES: Record<OperationKind, OperationKindRules> = {
  // One transaction: a retry finds the shop empty or complete. Nothing to cancel halfway.
  seed: { job: { name: "sandbox.seed-store", key: "run" }, cancellable: false, resumable: true, automaticResumes: 2 },
  // Cancelled, the index keeps what was read; resumed, the types already read are skipped.
  index_refresh: {
    job: { name: "shopify-index.refresh", key: "run" },
    cancellable: true,
    resumable: true,
    automaticResumes: 2,
  },
  // The pending rows are the mirror's checkpoint; its job is one per store (stately).
  mirror: { job: { name: "mappings.mirror", key: "store" }, cancellable: false, resumable: true, automaticResumes: 2 },
  // Cancelled at its next batch with what was done; resumed from its checkpoint (lib/clear).
  clear: { job: { name: "clear.run", key: "run" }, cancellable: true, resumable: true, automaticResumes: 2 },
  // Cancelled at its next batch; resumed (or retried) with what is left in the store's sync queue.
  sync: { job: { name: "odoo-sync.run", key: "run" }, cancellable: true, resumable: true, automaticResumes: 2 },
  // Row by row in file order, checkpointed after each batch: cancelled keeps what was restored,
  // resumed continues after the last batch (lib/restore).
  restore: { job: { name: "restore.run", key: "run" }, cancellable: true, resumable: true, automaticResumes: 2 },
};
