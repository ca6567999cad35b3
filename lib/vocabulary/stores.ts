// The words of a store, defined once: the database column types, the zod enums of the API and the
// labels of the pages are all derived from these arrays. Plain constants, safe in the browser.

/** A real Shopify store, or a sandbox store served by this app. */
export const STORE_KINDS = ["shopify", "sandbox"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];
export const STORE_KIND_LABEL: Record<StoreKind, string> = { shopify: "Live", sandbox: "Sandbox" };

/** needs_reauth: Shopify no longer accepts the store's credentials, or they miss a scope. */
export const STORE_STATUSES = ["connected", "disconnected", "needs_reauth"] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

/** How the store's credentials were obtained, which decides how they are renewed. */
export const CONNECTION_METHODS = ["sandbox", "oauth", "token"] as const;
export type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

/** Sandbox stores only: how far seeding got. */
export const SEED_STATUSES = ["seeding", "ready", "failed"] as const;
export type SeedStatus = (typeof SEED_STATUSES)[number];

/** Sandbox stores only: how much sample data they are seeded with. */
export const SANDBOX_SIZES = ["small", "medium", "large"] as const;
export type SandboxSize = (typeof SANDBOX_SIZES)[number];
export const SANDBOX_SIZE_LABEL: Record<SandboxSize, string> = { small: "Small", medium: "Medium", large: "Large" };

/**
 * The access scopes a sandbox store may be created with (all of them by default): the product's
 * six and `read_all_orders`, without which the sandbox, like Shopify, shows only 60 days of orders.
 */
export const SANDBOX_SCOPES = [
  "read_products",
  "write_products",
  "read_customers",
  "write_customers",
  "read_orders",
  "write_orders",
  "read_all_orders",
] as const;
export type SandboxScope = (typeof SANDBOX_SCOPES)[number];

/** Who ended a store's connection: an admin in Synco, or Shopify (the app was uninstalled). */
export const DISCONNECT_REASONS = ["user", "app_uninstalled"] as const;
export type DisconnectReason = (typeof DISCONNECT_REASONS)[number];
