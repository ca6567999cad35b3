export * from "./auth";
export * from "./sandbox-shopify";
