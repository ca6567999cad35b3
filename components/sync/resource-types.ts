// How the pages name each kind of Shopify item Synco maps, and where each lives (its list in
// Synco, its page in the Shopify admin).
import type { SyncResourceType, SyncTab } from "@/components/api/sync";

type ResourceWords = {
  /** "Products": the list's title and its navigation tab. */
  title: string;
  singular: string;
  plural: string;
  /** The list's path segment under the store: /stores/:id/products. */
  segment: string;
  /** What the search field matches, said to the user. */
  searchHint: string;
};

export const RESOURCES: Record<SyncResourceType, ResourceWords> = {
  product: {
    title: "Products",
    singular: "product",
    plural: "products",
    segment: "products",
    searchHint: "Search by title or SKU",
  },
  customer: {
    title: "Customers",
    singular: "customer",
    plural: "customers",
    segment: "customers",
    searchHint: "Search by name or email",
  },
  order: {
    title: "Orders",
    singular: "order",
    plural: "orders",
    segment: "orders",
    searchHint: "Search by order name or customer email",
  },
};

/** Overview cards and navigation tabs in the order a merchant thinks of them. */
export const RESOURCE_ORDER: SyncResourceType[] = ["product", "customer", "order"];

export const TAB_LABELS: Record<SyncTab, string> = {
  all: "All",
  synced: "Synced",
  not_synced: "Not synced",
  failed: "Failed",
};
export const TABS: SyncTab[] = ["all", "synced", "not_synced", "failed"];

export function isSyncTab(value: string | null): value is SyncTab {
  return value !== null && (TABS as string[]).includes(value);
}

/** The list of one type, on one tab, as a link. */
export function listUrl(storeId: string, type: SyncResourceType, tab: SyncTab = "all"): string {
  return `/stores/${storeId}/${RESOURCES[type].segment}${tab === "all" ? "" : `?tab=${tab}`}`;
}

/** The items of one type whose mapping Shopify refused to store, as a link. */
export function refusedListUrl(storeId: string, type: SyncResourceType): string {
  return `/stores/${storeId}/${RESOURCES[type].segment}?mirror=failed`;
}

/** The item's own page in the Shopify admin (live stores only: a sandbox shop has no admin). */
export function shopifyAdminUrl(shopDomain: string, type: SyncResourceType, shopifyId: string): string {
  return `https://${shopDomain}/admin/${RESOURCES[type].segment}/${shopifyId}`;
}
