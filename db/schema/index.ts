export * from "./auth";
export * from "./sandbox-shopify";
export * from "./audit";
