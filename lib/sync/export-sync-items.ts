// A store's items as a person reads them — every item of a list (Not synced included) with its
// name, SKUs, email, order name, status, Odoo ids, when it last synced, when Synco last tried
// and the error — as CSV, for the overview (every type) or one list with its tab and search.
// Streamed a keyset page at a time in the list's own order, so 100k rows never sit in memory
// and the file holds exactly the rows the list's pages hold. Audited once, when it is read.
import { db } from "@/db/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { logger } from "@/lib/logger";
import { csvLine } from "@/lib/runtime/csv";
import { findStore } from "@/lib/stores/find-store";
import { RESOURCE_TYPE_LABEL, SYNC_STATUS_LABEL, type ResourceType } from "@/lib/vocabulary/sync";
import { syncItemsQuery } from "./list-sync-items";
import type { TSyncItemsExportQuery } from "./schemas";
import { toSyncItem, type SyncItemRow } from "./sync-item-row";

export const ITEMS_CSV_COLUMNS = [
  "Type",
  "Shopify ID",
  "Title",
  "SKU",
  "Email",
  "Order name",
  "Status",
  "Odoo ID",
  "Odoo invoice ID",
  "Last synced",
  "Last attempt",
  "Error",
] as const;

const PAGE_SIZE = 1000;

type Options = TSyncItemsExportQuery & {
  storeId: string;
  organizationId: string;
  actor?: Actor | null;
  pageSize?: number;
};

export async function exportSyncItems({
  storeId,
  organizationId,
  types,
  tab,
  q,
  mirror,
  actor = null,
  pageSize = PAGE_SIZE,
}: Options): Promise<{ stream: ReadableStream<Uint8Array>; filename: string; contentType: string }> {
  const store = await findStore({ storeId, organizationId });
  const encoder = new TextEncoder();
  const exportedAt = new Date();
  let typeIndex = 0;
  let afterId: number | null = null;
  let started = false;

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            await recordAudit(db, actor, {
              organizationId,
              storeId,
              action: "sync.items_exported",
              target: store.shopDomain,
              details: { types, tab, q: q ?? null, mirror: mirror ?? null },
            });
            controller.enqueue(encoder.encode(csvLine(ITEMS_CSV_COLUMNS)));
            return;
          }
          // Until a page gives rows or the last type ends: a pull that neither enqueues nor closes
          // leaves the reader waiting for ever (a type with nothing to list, then another type).
          for (;;) {
            const type = types[typeIndex]!;
            const { rows } = await db.execute<SyncItemRow>(
              syncItemsQuery({ storeId, type, tab, q, mirror, afterId, limit: pageSize }),
            );
            if (rows.length) controller.enqueue(encoder.encode(rows.map((row) => toCsv(type, row)).join("")));
            if (rows.length === pageSize) afterId = Number(rows.at(-1)!.shopify_id);
            else {
              typeIndex += 1;
              afterId = null;
              if (typeIndex === types.length) {
                controller.close();
                return;
              }
            }
            if (rows.length) return;
          }
        } catch (error) {
          logger.error({ err: error, storeId }, "item export failed mid-stream");
          controller.error(error);
        }
      },
    },
    { highWaterMark: 0 },
  );
  const stamp = exportedAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const what = types.length === 1 ? RESOURCE_TYPE_LABEL[types[0]!].plural.toLowerCase() : "items";
  return {
    stream,
    filename: `synco-${what}-${store.shopDomain.replace(/\.myshopify\.com$/, "")}-${stamp}.csv`,
    contentType: "text/csv; charset=utf-8",
  };
}

function toCsv(type: ResourceType, row: SyncItemRow): string {
  const item = toSyncItem(type, row);
  // A mapping keeps one time: its last attempt. It is also the last sync only when that attempt succeeded.
  const attempt = row.synced_at ? new Date(row.synced_at).toISOString() : null;
  return csvLine([
    RESOURCE_TYPE_LABEL[type].singular,
    item.shopifyId,
    item.title,
    item.skus.join(" "),
    item.email,
    item.orderName,
    SYNC_STATUS_LABEL[item.status],
    item.odooId,
    item.odooInvoiceId,
    item.status === "synced" ? attempt : null,
    attempt,
    item.lastError ?? item.mirrorError,
  ]);
}
