// Streams a store's whole mapping as CSV or JSON, one keyset page at a time as the reader pulls,
// so a million rows never sit in memory and a slow download holds no transaction open. Rows that
// change while the export runs appear in their state when their page is read; none is skipped or
// repeated (pages follow the primary key). Every export is audited: it is the copy users keep
// before clearing.
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import type { SyncMapping } from "@/db/schema/mappings";
import { indexItemsWithIds, shopifyIndexItems } from "@/db/schema/shopify-index";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { logger } from "@/lib/logger";
import { csvField } from "@/lib/runtime/csv";
import { toShopifyGid } from "@/lib/shopify/gid";
import { findStore } from "@/lib/stores/find-store";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { listMappings, type MappingsPosition } from "./list-mappings";

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_COLUMNS = [
  "resource_type",
  "shopify_id",
  "shopify_gid",
  "odoo_id",
  "odoo_invoice_id",
  "status",
  "synced_at",
  "last_error",
  "updated_at",
  // The natural keys re-linking and restoring match on (empty for an item gone from Shopify).
  "title",
  "email",
  "skus",
  "order_name",
] as const;

const PAGE_SIZE = 2000;

type Options = {
  storeId: string;
  organizationId: string;
  format: ExportFormat;
  types?: ResourceType[];
  actor?: Actor | null;
  pageSize?: number;
  db?: Db;
};

export type MappingsExport = { stream: ReadableStream<Uint8Array>; filename: string; contentType: string };

export async function exportMappings({
  storeId,
  organizationId,
  format,
  types = [...RESOURCE_TYPES],
  actor = null,
  pageSize = PAGE_SIZE,
  db = defaultDb,
}: Options): Promise<MappingsExport> {
  const store = await findStore({ storeId, organizationId, db });
  const exportedAt = new Date();
  const encoder = new TextEncoder();
  let after: MappingsPosition | null = null;
  let first = true;
  let done = false;

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (first) {
            // Audited when the download starts being read: once per download, and not for a HEAD
            // request or a response nobody reads.
            await recordAudit(db, actor, {
              organizationId,
              storeId,
              action: "sync.mappings_exported",
              target: store.shopDomain,
              details: { format, types },
            });
            controller.enqueue(
              encoder.encode(
                format === "csv"
                  ? `${CSV_COLUMNS.join(",")}\r\n`
                  : jsonHead(store.id, store.shopDomain, exportedAt, types),
              ),
            );
          }
          if (done) return;
          const page = await listMappings({ storeId, organizationId, types, after, limit: pageSize, db });
          const keys = await naturalKeys(db, storeId, page.mappings);
          const lines = page.mappings.map((row, index) => {
            const json = toJson(row, keys.get(`${row.resourceType}:${row.shopifyId}`));
            return format === "csv"
              ? `${toCsvLine(json)}\r\n`
              : `${first && index === 0 ? "" : ","}\n${JSON.stringify(json)}`;
          });
          first = false;
          after = page.next;
          if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
          if (!page.next) {
            done = true;
            if (format === "json") controller.enqueue(encoder.encode("\n]}\n"));
            controller.close();
          }
        } catch (error) {
          logger.error({ err: error, storeId }, "mapping export failed mid-stream");
          controller.error(error);
        }
      },
      // Nothing is read ahead: the first page (and the audit row) waits for the reader.
    },
    { highWaterMark: 0 },
  );
  const stamp = exportedAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return {
    stream,
    filename: `synco-mappings-${store.shopDomain.replace(/\.myshopify\.com$/, "")}-${stamp}.${format}`,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
  };
}

function jsonHead(storeId: string, shopDomain: string, exportedAt: Date, types: ResourceType[]) {
  return `{"storeId":${JSON.stringify(storeId)},"shopDomain":${JSON.stringify(shopDomain)},"exportedAt":"${exportedAt.toISOString()}","types":${JSON.stringify(types)},"mappings":[`;
}

type NaturalKeys = { title: string; email: string | null; skus: string[]; orderName: string | null };

/** The page's items as Synco's copy of the store has them: one primary-key lookup per type. */
async function naturalKeys(db: Db, storeId: string, rows: SyncMapping[]): Promise<Map<string, NaturalKeys>> {
  const found = new Map<string, NaturalKeys>();
  for (const type of RESOURCE_TYPES) {
    const ids = rows.filter((row) => row.resourceType === type).map((row) => row.shopifyId);
    if (!ids.length) continue;
    const items = await db
      .select({
        shopifyId: shopifyIndexItems.shopifyId,
        title: shopifyIndexItems.title,
        email: shopifyIndexItems.email,
        skus: shopifyIndexItems.skus,
        orderName: shopifyIndexItems.orderName,
      })
      .from(shopifyIndexItems)
      .where(indexItemsWithIds(storeId, type, ids));
    for (const { shopifyId, ...keys } of items) found.set(`${type}:${shopifyId}`, keys);
  }
  return found;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function toJson(row: SyncMapping, keys: NaturalKeys | undefined) {
  return {
    resourceType: row.resourceType,
    shopifyId: String(row.shopifyId),
    shopifyGid: toShopifyGid(row.resourceType, row.shopifyId),
    odooId: row.odooId,
    odooInvoiceId: row.odooInvoiceId,
    status: row.status,
    syncedAt: iso(row.syncedAt),
    lastError: row.lastError,
    updatedAt: row.updatedAt.toISOString(),
    title: keys?.title ?? null,
    email: keys?.email ?? null,
    skus: keys?.skus ?? [],
    orderName: keys?.orderName ?? null,
  };
}

function toCsvLine(json: ReturnType<typeof toJson>): string {
  return [
    json.resourceType,
    json.shopifyId,
    json.shopifyGid,
    json.odooId,
    json.odooInvoiceId,
    json.status,
    json.syncedAt,
    json.lastError,
    json.updatedAt,
    json.title,
    json.email,
    json.skus.join(" "),
    json.orderName,
  ]
    .map(csvField)
    .join(",");
}
