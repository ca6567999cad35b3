// What the restore API accepts and answers; no server imports (the pages use these too).
import { z } from "zod";
import type { TOperationRun } from "@/lib/operations/schemas";
import {
  RESTORE_ROW_OUTCOMES,
  RESTORE_SKIP_REASONS,
  type RestoreRowOutcome,
  type RestoreSkipReason,
} from "@/lib/vocabulary/restore";
import type { ExportFormat, ResourceType } from "@/lib/vocabulary/sync";

export type TStartRestoreResponse = { run: TOperationRun; created: boolean };

/** What a restore run ends with (its run's summary). */
export type TRestoreSummary = {
  rows: number;
  restored: number;
  unchanged: number;
  skipped: number;
  /** Skipped rows by reason. */
  reasons: Partial<Record<RestoreSkipReason, number>>;
  /** Per resource type, restored / unchanged / skipped. */
  types: Partial<Record<ResourceType, { restored: number; unchanged: number; skipped: number }>>;
};

/** What the run keeps in its scope. */
export type TRestoreScope = { fileName: string | null; format: ExportFormat; rows: number };

export const ZRestoreRowsQuery = z.object({
  outcome: z.enum(RESTORE_ROW_OUTCOMES).optional(),
  /** Rows after this row number (the previous page's last). */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TRestoreRowsQuery = z.infer<typeof ZRestoreRowsQuery>;

/** The rows not restored as a CSV download; optionally of one reason. */
export const ZRestoreRowsExportQuery = z.object({ reason: z.enum(RESTORE_SKIP_REASONS).optional() });
export type TRestoreRowsExportQuery = z.infer<typeof ZRestoreRowsExportQuery>;

export type TRestoreRow = {
  rowNumber: number;
  resourceType: ResourceType | null;
  shopifyId: string | null;
  odooId: number | null;
  outcome: RestoreRowOutcome | null;
  reason: RestoreSkipReason | null;
  detail: string | null;
};
export type TRestoreRowsPage = { rows: TRestoreRow[]; nextAfter: number | null };

export { RESTORE_SKIP_REASONS };
