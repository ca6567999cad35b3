// A restore run's rows as the page lists them: in file order, a page at a time after a row
// number, optionally of one outcome (what was skipped, and why). Only the store's own runs.
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { mappingRestoreRows } from "@/db/schema/restore";
import { notFound } from "@/lib/errors/app-error";
import { findRun, type RunRef } from "@/lib/operations/get-run";
import type { TRestoreRowsPage, TRestoreRowsQuery } from "./schemas";

export async function listRestoreRows(ref: RunRef & { query: TRestoreRowsQuery }): Promise<TRestoreRowsPage> {
  const run = await findRun(ref);
  if (run.kind !== "restore") throw notFound("Run");
  const { outcome, after = 0, limit } = ref.query;
  const where: SQL[] = [eq(mappingRestoreRows.runId, run.id), gt(mappingRestoreRows.rowNumber, after)];
  if (outcome) where.push(eq(mappingRestoreRows.outcome, outcome));
  const rows = await db
    .select()
    .from(mappingRestoreRows)
    .where(and(...where))
    .orderBy(asc(mappingRestoreRows.rowNumber))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    rows: page.map((row) => ({
      rowNumber: row.rowNumber,
      resourceType: row.resourceType,
      shopifyId: row.shopifyId === null ? null : String(row.shopifyId),
      odooId: row.odooId,
      outcome: row.outcome,
      reason: row.reason,
      detail: row.detail,
    })),
    nextAfter: rows.length > limit ? page.at(-1)!.rowNumber : null,
  };
}
