// The rows a restore run did not restore, as a CSV a merchant fixes and uploads again: the mapping
// export's own columns (lib/mappings/export-mappings.ts), so the restore reads the file as is, then
// why each row was skipped (`reason`, `detail`), which the restore's parser does not read. Streamed
// one keyset page at a time as the reader pulls (a run may hold 250,000 rows), like the mapping
// export. A row whose reading lost a cell (invalid: an unreadable type, ID or date) gives back its
// cells as uploaded, every column, so fixing the bad one is all a new upload needs (decision 113);
// any other row gives its values as read (the same mapping), the title from Synco's copy of the
// store, and empty for what the staging does not keep (last error, updated at). Either way each
// cell goes through csvField, so one starting with = + - @ never runs in a spreadsheet.
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { mappingRestoreRows, type MappingRestoreRow } from "@/db/schema/restore";
import { indexItemsWithIds, shopifyIndexItems } from "@/db/schema/shopify-index";
import { notFound } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { CSV_COLUMNS } from "@/lib/mappings/export-mappings";
import { findRun, type RunRef } from "@/lib/operations/get-run";
import { csvLine } from "@/lib/runtime/csv";
import { toShopifyGid } from "@/lib/shopify/gid";
import { RESTORE_SKIP_REASON_LABEL } from "@/lib/vocabulary/restore";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";
import type { TRestoreRowsExportQuery } from "./schemas";

export const SKIPPED_ROWS_COLUMNS = [...CSV_COLUMNS, "reason", "detail"] as const;

const PAGE_SIZE = 2000;

type Options = RunRef & { shopDomain: string; query: TRestoreRowsExportQuery; pageSize?: number };

export type SkippedRowsExport = { stream: ReadableStream<Uint8Array>; filename: string; contentType: string };

export async function exportSkippedRows({ shopDomain, query, pageSize = PAGE_SIZE, ...ref }: Options) {
  const run = await findRun(ref);
  if (run.kind !== "restore") throw notFound("Run");
  const encoder = new TextEncoder();
  let after = 0;
  let first = true;

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (first) {
            first = false;
            controller.enqueue(encoder.encode(csvLine(SKIPPED_ROWS_COLUMNS)));
          }
          const where: SQL[] = [
            eq(mappingRestoreRows.runId, run.id),
            eq(mappingRestoreRows.outcome, "skipped"),
            gt(mappingRestoreRows.rowNumber, after),
          ];
          if (query.reason) where.push(eq(mappingRestoreRows.reason, query.reason));
          const rows = await db
            .select()
            .from(mappingRestoreRows)
            .where(and(...where))
            .orderBy(asc(mappingRestoreRows.rowNumber))
            .limit(pageSize);
          const titles = await titlesOf(ref.storeId, rows);
          if (rows.length) {
            after = rows.at(-1)!.rowNumber;
            controller.enqueue(encoder.encode(rows.map((row) => toCsvLine(row, titles)).join("")));
          }
          if (rows.length < pageSize) controller.close();
        } catch (error) {
          logger.error({ err: error, runId: run.id }, "restore rows export failed mid-stream");
          controller.error(error);
        }
      },
      // Nothing is read ahead: a page is read when the download asks for it.
    },
    { highWaterMark: 0 },
  );
  const stamp = run.createdAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const shop = shopDomain.replace(/\.myshopify\.com$/, "");
  return {
    stream,
    filename: `synco-not-restored-${shop}-${stamp}${query.reason ? `-${query.reason}` : ""}.csv`,
    contentType: "text/csv; charset=utf-8",
  } satisfies SkippedRowsExport;
}

/** The page's items' titles as Synco's copy of the store has them: one primary-key lookup per type. */
async function titlesOf(storeId: string, rows: MappingRestoreRow[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const type of RESOURCE_TYPES) {
    const ids = rows.filter((row) => row.resourceType === type && row.shopifyId !== null).map((row) => row.shopifyId!);
    if (!ids.length) continue;
    const items = await db
      .select({ shopifyId: shopifyIndexItems.shopifyId, title: shopifyIndexItems.title })
      .from(shopifyIndexItems)
      .where(indexItemsWithIds(storeId, type, ids));
    for (const item of items) found.set(`${type}:${item.shopifyId}`, item.title);
  }
  return found;
}

function toCsvLine(row: MappingRestoreRow, titles: Map<string, string>): string {
  const why = [row.reason ? RESTORE_SKIP_REASON_LABEL[row.reason] : null, row.detail];
  const { cells } = row;
  if (cells) return csvLine([...CSV_COLUMNS.map((column) => cells[column]), ...why]);
  const gid = row.resourceType && row.shopifyId !== null ? toShopifyGid(row.resourceType, row.shopifyId) : null;
  return csvLine([
    row.resourceType,
    row.shopifyId,
    gid,
    row.odooId,
    row.odooInvoiceId,
    row.status,
    row.syncedAt?.toISOString() ?? null,
    null, // last_error: not kept by the restore
    null, // updated_at: not kept by the restore
    row.resourceType && row.shopifyId !== null ? (titles.get(`${row.resourceType}:${row.shopifyId}`) ?? null) : null,
    row.email,
    row.skus?.join(" ") ?? null,
    row.orderName,
    ...why,
  ]);
}
