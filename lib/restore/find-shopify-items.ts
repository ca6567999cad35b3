// The Shopify side of a batch of restore rows: which items the store still has, with their natural
// keys. Synco's index of the store answers for nearly all of them in one statement per type; an
// item deleted by webhook is gone; the few the index does not know (created since its last refresh)
// are asked of Shopify by id, 250 per `nodes` query.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { indexItemsWithIds, shopifyIndexItems, shopifyIndexTombstones } from "@/db/schema/shopify-index";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { toShopifyGid } from "@/lib/shopify/gid";
import type { ResourceType } from "@/lib/vocabulary/sync";

export type ShopifyKeys = { email: string | null; skus: string[]; orderName: string | null };

export const RESTORE_NODES = `#graphql
  query RestoreItemsExist($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
    }
  }
`;

const NODES_PER_QUERY = 250;

/** The items of `ids` the store has, by id, with the keys Synco's index holds (none when only Shopify knew it). */
export async function findShopifyItems({
  storeId,
  type,
  ids,
  shopify,
}: {
  storeId: string;
  type: ResourceType;
  ids: number[];
  /** Opened only when the index does not know an item. */
  shopify: () => Promise<ShopifyClient>;
}): Promise<Map<number, ShopifyKeys | null>> {
  const found = new Map<number, ShopifyKeys | null>();
  if (ids.length === 0) return found;
  const indexed = await db
    .select({
      shopifyId: shopifyIndexItems.shopifyId,
      email: shopifyIndexItems.email,
      skus: shopifyIndexItems.skus,
      orderName: shopifyIndexItems.orderName,
    })
    .from(shopifyIndexItems)
    .where(indexItemsWithIds(storeId, type, ids));
  for (const { shopifyId, ...keys } of indexed) found.set(shopifyId, keys);
  let unknown = ids.filter((id) => !found.has(id));
  if (unknown.length === 0) return found;
  const deleted = await db
    .select({ shopifyId: shopifyIndexTombstones.shopifyId })
    .from(shopifyIndexTombstones)
    .where(
      and(
        eq(shopifyIndexTombstones.storeId, storeId),
        eq(shopifyIndexTombstones.resourceType, type),
        inArray(shopifyIndexTombstones.shopifyId, unknown),
      ),
    );
  const gone = new Set(deleted.map((row) => row.shopifyId));
  unknown = unknown.filter((id) => !gone.has(id));
  if (unknown.length === 0) return found;
  const client = await shopify();
  for (let start = 0; start < unknown.length; start += NODES_PER_QUERY) {
    const part = unknown.slice(start, start + NODES_PER_QUERY);
    const { data } = await client.request<{ nodes: ({ id: string } | null)[] }>(RESTORE_NODES, {
      variables: { ids: part.map((id) => toShopifyGid(type, id)) },
      costEstimate: part.length + 1,
    });
    data.nodes.forEach((node, index) => {
      if (node) found.set(part[index]!, null);
    });
  }
  return found;
}
