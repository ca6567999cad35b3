// What every step of a sync batch shares: the two clients, the Odoo version's field names, the
// tallies a run reports, and how one item's failure is told apart from the run's.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { OdooAccessDeniedError, OdooMissingRecordError, OdooServerError, OdooValidationError } from "@/lib/odoo/errors";
import type { OdooClient } from "@/lib/odoo/create-odoo-client";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import type { ResourceType } from "@/lib/vocabulary/sync";

export type SyncContext = {
  storeId: string;
  odoo: OdooClient;
  shopify: ShopifyClient;
  /** Odoo's major version: which fields a product and an order line are written with. */
  major: number;
  signal: AbortSignal;
  linked: Record<string, number>;
  created: Record<string, number>;
  /** product.product ids by SKU (default_code) met in this run: orders of known products look nothing up again. */
  variantBySku: Map<string, number>;
  /** The queued orders read by one bulk query (prefetch-orders.ts): undefined until tried, null if not worth it. */
  orders?: Map<number, import("./prefetch-orders").OrderDetails> | null;
};

/** One item's result: its Odoo record (and invoice), or why it could not be synced. */
export type ItemOutcome =
  | { shopifyId: number; ok: true; odooId: number; odooInvoiceId?: number | null }
  | { shopifyId: number; ok: false; error: string; odooId?: number | null };

export const tally = (counts: Record<string, number>, type: ResourceType, n = 1) => {
  counts[type] = (counts[type] ?? 0) + n;
};

/** Odoo refused this data (validation, a deleted record, a right, a bad value): the item fails, the run goes on. */
export function isItemError(error: unknown): error is Error {
  return (
    error instanceof OdooValidationError ||
    error instanceof OdooMissingRecordError ||
    error instanceof OdooAccessDeniedError ||
    error instanceof OdooServerError
  );
}

export const odooMessage = (error: Error) => (error as { odooMessage?: string }).odooMessage?.trim() || error.message;

/**
 * Runs `all` on the whole list; if Odoo refuses the list, runs it on each item alone so only the
 * items Odoo refuses fail (their message in `failures`). Results in the order of `items`.
 */
export async function eachOrAll<T, R>(
  items: T[],
  all: (items: T[]) => Promise<R[]>,
  failures: Map<T, string>,
): Promise<(R | undefined)[]> {
  if (items.length === 0) return [];
  try {
    return await all(items);
  } catch (error) {
    if (!isItemError(error)) throw error;
    if (items.length === 1) {
      failures.set(items[0]!, odooMessage(error));
      return [undefined];
    }
  }
  const out: (R | undefined)[] = [];
  for (const item of items) {
    try {
      out.push((await all([item]))[0]);
    } catch (error) {
      if (!isItemError(error)) throw error;
      failures.set(item, odooMessage(error));
      out.push(undefined);
    }
  }
  return out;
}

export type IndexRow = {
  shopifyId: number;
  title: string;
  email: string | null;
  skus: string[];
  orderName: string | null;
};

/** What the store's index knows of these items (natural keys for re-linking before any Shopify read). */
export async function indexRows(storeId: string, type: ResourceType, ids: number[]): Promise<Map<number, IndexRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.execute<{
    shopify_id: string;
    title: string;
    email: string | null;
    skus: string[];
    order_name: string | null;
  }>(sql`
    select shopify_id, title, email, skus, order_name from shopify_index_items
    where store_id = ${storeId} and resource_type = ${type} and shopify_id = any(${`{${ids.join(",")}}`}::bigint[])`);
  return new Map(
    rows.map((row) => [
      Number(row.shopify_id),
      {
        shopifyId: Number(row.shopify_id),
        title: row.title,
        email: row.email,
        skus: row.skus ?? [],
        orderName: row.order_name,
      },
    ]),
  );
}

/** Mapped Odoo ids of these items (any status), for items synced before. */
export async function mappedOdooIds(
  storeId: string,
  type: ResourceType,
  ids: number[],
): Promise<Map<number, { odooId: number | null; odooInvoiceId: number | null; status: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.execute<{
    shopify_id: string;
    odoo_id: string | null;
    odoo_invoice_id: string | null;
    status: string;
  }>(sql`
    select shopify_id, odoo_id, odoo_invoice_id, status from sync_mappings
    where store_id = ${storeId} and resource_type = ${type} and shopify_id = any(${`{${ids.join(",")}}`}::bigint[])`);
  return new Map(
    rows.map((row) => [
      Number(row.shopify_id),
      {
        odooId: row.odoo_id === null ? null : Number(row.odoo_id),
        odooInvoiceId: row.odoo_invoice_id === null ? null : Number(row.odoo_invoice_id),
        status: row.status,
      },
    ]),
  );
}

/** Shopify's `nodes` for these gids, keyed by numeric id (a deleted item is missing). */
export async function fetchNodes<N extends { id: string }>(
  context: SyncContext,
  document: string,
  gids: string[],
): Promise<Map<number, N>> {
  const out = new Map<number, N>();
  if (gids.length === 0) return out;
  const { data } = await context.shopify.request<{ nodes: (N | null)[] }>(document, {
    variables: { ids: gids },
    signal: context.signal,
  });
  for (const node of data.nodes) if (node?.id) out.set(Number(node.id.split("/").pop()), node);
  return out;
}

/** An OR of `=ilike` leaves (case-insensitive equality) on one field; callers compare exactly afterwards. */
export function anyOfIlike(field: string, values: string[]): unknown[] {
  const leaves = values.map((value) => [field, "=ilike", value]);
  return [...Array(Math.max(0, leaves.length - 1)).fill("|"), ...leaves];
}

export const chunk = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
