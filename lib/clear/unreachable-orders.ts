// Orders a store's token cannot reach: without `read_all_orders` Shopify shows an app only the
// orders of the last 60 days, so their metafields can be neither deleted nor found. The product
// asks for the scope; a store that lacks it is told which of its mapped orders are out of reach,
// by the order dates the index holds (a mapped order the index has no date for is counted apart).
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Store } from "@/db/schema/stores";
import { storeCredentials } from "@/lib/stores/store-credentials";
import { ORDERS_WINDOW_DAYS, READ_ALL_ORDERS_SCOPE } from "@/lib/vocabulary/clear";
import type { TUnreachableOrders } from "./schemas";

export async function findUnreachableOrders(store: Store, now = new Date()): Promise<TUnreachableOrders | null> {
  const scopes = storeCredentials(store)?.scopes ?? [];
  // No scopes recorded (tokens connected before scopes were read): nothing to say.
  if (scopes.length === 0 || scopes.includes(READ_ALL_ORDERS_SCOPE)) return null;
  const before = new Date(now.getTime() - ORDERS_WINDOW_DAYS * 86_400_000);
  const { rows } = await db.execute<{ old: number; undated: number }>(sql`
    select count(*) filter (where i.shopify_created_at < ${before.toISOString()}::timestamptz)::int as old,
           count(*) filter (where i.shopify_created_at is null)::int as undated
    from sync_mappings m
    left join shopify_index_items i
      on i.store_id = m.store_id and i.resource_type = m.resource_type and i.shopify_id = m.shopify_id
    where m.store_id = ${store.id} and m.resource_type = 'order'`);
  const old = Number(rows[0]?.old ?? 0);
  const undated = Number(rows[0]?.undated ?? 0);
  // Without the scope the index holds only what the token sees: an undated mapped order is out of reach too.
  const out = old + undated;
  return {
    count: old,
    undated,
    before: before.toISOString(),
    missingScope: READ_ALL_ORDERS_SCOPE,
    reason:
      `Synco's access to this store lacks the read_all_orders scope, so Shopify shows it only orders of the last ` +
      `${ORDERS_WINDOW_DAYS} days: ${out} mapped ${out === 1 ? "order is" : "orders are"} out of its reach (older, ` +
      `or not seen by Shopify's export), and their Synco metafields cannot be deleted in Shopify. Their mappings ` +
      `in Synco are still deleted. Re-authorise the store with read_all_orders to reach them.`,
  };
}
