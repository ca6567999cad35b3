// The words of the sync, defined once: the database column types, the zod enums of the API and the
// labels of the pages are all derived from these arrays. Plain constants, safe in the browser.

/** The kinds of Shopify item Synco maps, in the order a merchant thinks of them. */
export const RESOURCE_TYPES = ["product", "customer", "order"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export const RESOURCE_TYPE_LABEL: Record<ResourceType, { title: string; singular: string; plural: string }> = {
  product: { title: "Products", singular: "product", plural: "products" },
  customer: { title: "Customers", singular: "customer", plural: "customers" },
  order: { title: "Orders", singular: "order", plural: "orders" },
};

/** A mapping row's status; an item without a row is not synced. */
export const MAPPING_STATUSES = ["synced", "failed"] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];

/** An item's sync status as the pages show it: its mapping's status, or not synced. */
export const SYNC_STATUSES = ["synced", "not_synced", "failed"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];
export const SYNC_STATUS_LABEL: Record<SyncStatus, string> = {
  synced: "Synced",
  not_synced: "Not synced",
  failed: "Failed",
};

/** The tabs of an item list: every item, or those of one sync status. */
export const SYNC_TABS = ["all", "synced", "not_synced", "failed"] as const;
export type SyncTab = (typeof SYNC_TABS)[number];
export const SYNC_TAB_LABEL: Record<SyncTab, string> = { all: "All", ...SYNC_STATUS_LABEL };

/** `mirror=failed`: only items whose mapping Shopify refused to store in its metafield. */
export const SYNC_MIRROR_FILTERS = ["failed"] as const;
export type SyncMirrorFilter = (typeof SYNC_MIRROR_FILTERS)[number];

/** pending: Shopify does not show this version yet; done: it does; failed: Shopify refused it. */
export const MIRROR_STATES = ["pending", "done", "failed"] as const;
export type MirrorState = (typeof MIRROR_STATES)[number];

/** The refresh of a store's index of Shopify items: never run, or its latest run's status. */
export const INDEX_REFRESH_STATES = ["never", "queued", "running", "succeeded", "failed", "cancelled"] as const;
export type IndexRefreshState = (typeof INDEX_REFRESH_STATES)[number];

/** What a mapping export is written as. */
export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_FORMAT_LABEL: Record<ExportFormat, string> = { csv: "CSV", json: "JSON" };
