export * from "./auth";
export * from "./sandbox-shopify";
export * from "./audit";
export * from "./sandbox-shopify-bulk";
export * from "./sandbox-shopify-webhooks";
export * from "./stores";
export * from "./mappings";
export * from "./shopify-index";
