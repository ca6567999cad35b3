// Reads one type of item from Shopify with a bulk query and writes it into the index in batches
// as the JSONL streams in, then removes the items of that type the import did not see (deleted in
// Shopify while no webhook reached us). Items a webhook wrote after `startedAt` are kept.
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { shopifyIndexItems } from "@/db/schema/shopify-index";
import type { Db } from "@/db/handle";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import { lockStoreSync } from "@/db/store-lock";
import type { BulkOperationView, WaitOptions } from "@/lib/shopify/bulk/bulk-operation";
import { runBulkQuery } from "@/lib/shopify/bulk/run-bulk-query";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { parseItemGid } from "@/lib/shopify/gid";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { INDEX_BULK_QUERIES } from "./bulk-queries";
import { rowFromBulkLine, type IndexRow } from "./index-rows";
import { addIndexSkus, upsertIndexItems } from "./upsert-index-items";

const BATCH = 1000;

/** How an import tells its caller how far it got. */
export type ImportReport = {
  /** Each poll of Shopify's export (bulk query), the finished one included. */
  onExport?: (operation: BulkOperationView) => Promise<void> | void;
  /** A batch of items was written, inside `tx` (the caller may count it in the same transaction). */
  onBatch?: (tx: Db, items: number) => Promise<void>;
  /** Hears each item's own line (not its variants'), before it is batched: a caller reading more fields than the index. */
  onItemLine?: (line: Record<string, unknown>) => void;
  /** Runs in each batch's transaction, under the store's sync lock, before its items are written. */
  beforeBatch?: (tx: Db) => Promise<void>;
  signal?: AbortSignal;
};

type Options = {
  client: ShopifyClient;
  storeId: string;
  type: ResourceType;
  startedAt: Date;
  batchSize?: number;
  /** Ask Shopify for grouped lines (parents before their children); the reader copes with either. */
  groupObjects?: boolean;
  /** Reads the type's export (a refresh passes its bulkQueryPipeline's); default: runs the query here. */
  readLines?: (options: WaitOptions) => AsyncGenerator<Record<string, unknown>>;
  report?: ImportReport;
};

export async function importShopifyItems({
  client,
  storeId,
  type,
  startedAt,
  batchSize = BATCH,
  groupObjects = false,
  readLines = (options) => runBulkQuery(client, INDEX_BULK_QUERIES[type], { groupObjects, ...options }),
  report = {},
}: Options): Promise<{ imported: number; removed: number }> {
  let imported = 0;
  // Products wait here for the variant lines that follow them; lines that come before their
  // product (ungrouped output) are kept in lateSkus and added at the end.
  const open = new Map<number, IndexRow>();
  const lateSkus = new Map<number, string[]>();
  const flush = async () => {
    if (open.size === 0) return;
    const rows = [...open.values()];
    open.clear();
    imported += rows.length;
    await db.transaction(async (tx) => {
      await limitStatements(tx, STATEMENT_LIMITS.batch);
      await lockStoreSync(tx, storeId);
      await report.beforeBatch?.(tx);
      await upsertIndexItems({ tx, storeId, type, rows, mode: "import" });
      await report.onBatch?.(tx, rows.length);
    });
  };

  const lines = readLines({ signal: report.signal, onStatus: report.onExport });
  for await (const line of lines) {
    if (typeof line.__parentId === "string") {
      const parent = parseItemGid(line.__parentId);
      const sku = typeof line.sku === "string" && line.sku !== "" ? line.sku : null;
      if (!parent || !sku) continue;
      const product = open.get(parent.id);
      if (product) product.skus.push(sku);
      else lateSkus.set(parent.id, [...(lateSkus.get(parent.id) ?? []), sku]);
      continue;
    }
    const row = rowFromBulkLine(type, line);
    if (!row) continue;
    if (open.size >= batchSize) await flush();
    report.onItemLine?.(line);
    open.set(row.shopifyId, row);
  }
  await flush();

  const removed = await db.transaction(async (tx) => {
    await limitStatements(tx, STATEMENT_LIMITS.storeWide);
    await lockStoreSync(tx, storeId);
    await addIndexSkus({ tx, storeId, skus: lateSkus });
    const gone = await tx
      .delete(shopifyIndexItems)
      .where(
        and(
          eq(shopifyIndexItems.storeId, storeId),
          eq(shopifyIndexItems.resourceType, type),
          lt(shopifyIndexItems.indexedAt, sql`${startedAt.toISOString()}::timestamptz`),
        ),
      );
    return gone.rowCount ?? 0;
  });
  return { imported, removed };
}
