// Many orders to create: one bulk query reads them all (with their lines) instead of a `nodes`
// read per dozen orders, which would spend about ten of the store's points per order. Only the
// orders waiting in the queue are kept, in a compact form; past a cap the run reads by `nodes`.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { runBulkQuery } from "@/lib/shopify/bulk/run-bulk-query";
import type { SyncContext } from "./sync-context";

/** Orders waiting before a bulk read pays off, and the most kept in memory from one. */
export const PREFETCH_MIN_ORDERS = 300;
export const PREFETCH_MAX_ORDERS = 50_000;

const ORDERS_BULK = `#graphql
  {
    orders {
      edges {
        node {
          id
          name
          processedAt
          customer {
            id
          }
          lineItems {
            edges {
              node {
                id
                name
                sku
                variant {
                  barcode
                  product {
                    id
                  }
                }
                quantity
                originalUnitPriceSet {
                  shopMoney {
                    amount
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export type OrderDetails = {
  id: string;
  name: string;
  processedAt: string;
  customer: { id: string } | null;
  lineItems: {
    pageInfo: { hasNextPage: boolean };
    nodes: {
      name: string;
      sku: string | null;
      variant?: { barcode: string | null; product: { id: string } } | null;
      quantity: number;
      originalUnitPriceSet: { shopMoney: { amount: string } };
    }[];
  };
};

/** The queued orders' details from one bulk query, or null when too few or too many are queued. */
export async function prefetchOrders(context: SyncContext): Promise<Map<number, OrderDetails> | null> {
  const { rows } = await db.execute<{ shopify_id: string }>(sql`
    select shopify_id from odoo_sync_queue where store_id = ${context.storeId} and resource_type = 'order'
    limit ${PREFETCH_MAX_ORDERS + 1}`);
  if (rows.length < PREFETCH_MIN_ORDERS || rows.length > PREFETCH_MAX_ORDERS) return null;
  const wanted = new Set(rows.map((row) => Number(row.shopify_id)));
  const orders = new Map<number, OrderDetails>();
  const orphans = new Map<number, OrderDetails["lineItems"]["nodes"]>();
  const idOf = (gid: unknown) => Number(String(gid).split("/").pop());
  for await (const line of runBulkQuery(context.shopify, ORDERS_BULK, { signal: context.signal })) {
    if (line.__parentId === undefined) {
      const id = idOf(line.id);
      if (!wanted.has(id)) continue;
      orders.set(id, {
        id: String(line.id),
        name: String(line.name),
        processedAt: String(line.processedAt),
        customer: (line.customer as { id: string } | null) ?? null,
        lineItems: { pageInfo: { hasNextPage: false }, nodes: orphans.get(id) ?? [] },
      });
      orphans.delete(id);
      continue;
    }
    const parent = idOf(line.__parentId);
    if (!wanted.has(parent)) continue;
    const item = {
      name: String(line.name),
      sku: (line.sku as string | null) ?? null,
      variant: (line.variant as { barcode: string | null; product: { id: string } } | null) ?? null,
      quantity: Number(line.quantity),
      originalUnitPriceSet: line.originalUnitPriceSet as { shopMoney: { amount: string } },
    };
    const order = orders.get(parent);
    if (order) order.lineItems.nodes.push(item);
    else orphans.set(parent, [...(orphans.get(parent) ?? []), item]);
  }
  return orders;
}
