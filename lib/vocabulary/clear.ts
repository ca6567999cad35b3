// The words of Clear Synco Data, defined once: strategies, the setting that picks one, and the
// phases a clear run goes through. Plain constants, safe in the browser.

/** How metafields are deleted in Shopify: metafieldsDelete calls, or one bulk mutation. */
export const CLEAR_STRATEGIES = ["paged", "bulk"] as const;
export type ClearStrategy = (typeof CLEAR_STRATEGIES)[number];
/** A store's setting: chosen by size (`auto`), or forced. */
export const CLEAR_STRATEGY_SETTINGS = ["auto", ...CLEAR_STRATEGIES] as const;
export type ClearStrategySetting = (typeof CLEAR_STRATEGY_SETTINGS)[number];
export const CLEAR_STRATEGY_LABEL: Record<ClearStrategySetting, string> = {
  auto: "Chosen by size",
  paged: "Paged (metafieldsDelete calls)",
  bulk: "Bulk operation",
};

/**
 * A clear run's phases, in order: waiting for the mirror to stop, deleting the metafields Synco
 * knows of, searching Shopify for the cleared keys (and deleting what it finds), proving nothing
 * is left in Shopify, then deleting the mapping rows.
 */
export const CLEAR_PHASES = ["pausing", "delete_known", "discover", "delete_found", "verify", "database"] as const;
export type ClearPhase = (typeof CLEAR_PHASES)[number];
export const CLEAR_PHASE_LABEL: Record<ClearPhase, string> = {
  pausing: "Pausing sync for the store",
  delete_known: "Deleting Synco's metafields in Shopify",
  discover: "Searching Shopify for other Synco metafields",
  delete_found: "Deleting the metafields found",
  verify: "Checking nothing is left in Shopify",
  database: "Deleting mappings in Synco",
};

/** Legacy keys of earlier Synco installs, cleared unless a store's settings say otherwise. */
export const DEFAULT_LEGACY_KEYS = ["custom.odoo_id", "custom.invoice_id"] as const;
/** The key Synco writes each item's mapping to, in the store's namespace. */
export const SYNC_METAFIELD_KEY = "sync";
/** Shopify shows a token without `read_all_orders` only the orders of this many days. */
export const ORDERS_WINDOW_DAYS = 60;
export const READ_ALL_ORDERS_SCOPE = "read_all_orders";
/** A session older than this must give the password again to start a clear. */
export const CLEAR_REAUTH_MINUTES = 15;
