// Restoring a mapping from an export: the uploaded file's rows, staged when the file is accepted
// and checked in order by the `restore` operation run, each row keeping how it ended (restored,
// unchanged, or skipped with the reason) so the page can list what was not restored. Rows go
// with their run (deleted with it). A row whose reading lost a cell (invalid, or a date that is not
// one) also keeps its cells as uploaded, which the download of the rows not restored gives back.
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RestoreRowCells, RestoreRowOutcome, RestoreSkipReason } from "@/lib/vocabulary/restore";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { operationRuns } from "./operations";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const mappingRestoreRows = pgTable(
  "mapping_restore_rows",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => operationRuns.id, { onDelete: "cascade" }),
    /** The row's number in the file (1 = the first mapping, after a CSV's header line). */
    rowNumber: integer("row_number").notNull(),
    /** As read; null when the row did not name a valid one (skipped as invalid). */
    resourceType: text("resource_type").$type<ResourceType>(),
    shopifyId: bigint("shopify_id", { mode: "number" }),
    odooId: bigint("odoo_id", { mode: "number" }),
    odooInvoiceId: bigint("odoo_invoice_id", { mode: "number" }),
    /** The mapping's status when exported. */
    status: text("status"),
    syncedAt: instant("synced_at"),
    // The natural keys as exported: what the Odoo record must still match.
    email: text("email"),
    skus: text("skus").array(),
    orderName: text("order_name"),
    /** Export column → the cell's text as uploaded; null when the values above say it all. */
    cells: jsonb("cells").$type<RestoreRowCells>(),
    outcome: text("outcome").$type<RestoreRowOutcome>(),
    reason: text("reason").$type<RestoreSkipReason>(),
    /** The reason in words, with the ids and values that decided it. */
    detail: text("detail"),
  },
  (t) => [primaryKey({ name: "mapping_restore_rows_pkey", columns: [t.runId, t.rowNumber] })],
);
export type MappingRestoreRow = typeof mappingRestoreRows.$inferSelect;
export type NewMappingRestoreRow = typeof mappingRestoreRows.$inferInsert;
