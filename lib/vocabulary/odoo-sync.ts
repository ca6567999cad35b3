// The words of the sync to Odoo: what a sync request covers, and the types as the API names them.
// Plain constants, safe in the browser.
import type { ResourceType } from "./sync";

/** selected: the items named; not_synced / failed: every such item of a type; store: both, every type. */
export const ODOO_SYNC_SCOPES = ["selected", "not_synced", "failed", "store"] as const;
export type OdooSyncScope = (typeof ODOO_SYNC_SCOPES)[number];

/** The API names types in the plural, as the lists' URLs do. */
export const ODOO_SYNC_TYPES = ["orders", "products", "customers"] as const;
export type OdooSyncType = (typeof ODOO_SYNC_TYPES)[number];
export const ODOO_SYNC_TYPE_RESOURCE: Record<OdooSyncType, ResourceType> = {
  orders: "order",
  products: "product",
  customers: "customer",
};

/** At most this many items in one "selected" request (a list page's selection). */
export const ODOO_SYNC_MAX_SELECTED = 250;

/** The order a run syncs in: an order needs its customer and products first. */
export const ODOO_SYNC_ORDER: readonly ResourceType[] = ["customer", "product", "order"];
