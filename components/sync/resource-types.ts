// How the pages name each kind of Shopify item Synco maps, and where each lives (its list in
// Synco, its page in the Shopify admin).
import { RESOURCE_TYPE_LABEL, SYNC_TABS, type ResourceType, type SyncTab } from "@/lib/vocabulary/sync";

type ResourceWords = (typeof RESOURCE_TYPE_LABEL)[ResourceType] & {
  /** The list's path segment under the store: /stores/:id/products. */
  segment: string;
  /** What the search field matches, said to the user. */
  searchHint: string;
};

/** Each type's names (title: the list's title and its navigation tab), path and search hint. */
export const RESOURCES: Record<ResourceType, ResourceWords> = {
  product: { ...RESOURCE_TYPE_LABEL.product, segment: "products", searchHint: "Search by title or SKU" },
  customer: { ...RESOURCE_TYPE_LABEL.customer, segment: "customers", searchHint: "Search by name or email" },
  order: { ...RESOURCE_TYPE_LABEL.order, segment: "orders", searchHint: "Search by order name or customer email" },
};

export function isSyncTab(value: string | null): value is SyncTab {
  return value !== null && (SYNC_TABS as readonly string[]).includes(value);
}

/** The list of one type, on one tab, as a link. */
export function listUrl(storeId: string, type: ResourceType, tab: SyncTab = "all"): string {
  return `/stores/${storeId}/${RESOURCES[type].segment}${tab === "all" ? "" : `?tab=${tab}`}`;
}

/** The items of one type whose mapping Shopify refused to store, as a link. */
export function refusedListUrl(storeId: string, type: ResourceType): string {
  return `/stores/${storeId}/${RESOURCES[type].segment}?mirror=failed`;
}

/** The item's own page in the Shopify admin (live stores only: a sandbox shop has no admin). */
export function shopifyAdminUrl(shopDomain: string, type: ResourceType, shopifyId: string): string {
  return `https://${shopDomain}/admin/${RESOURCES[type].segment}/${shopifyId}`;
}
