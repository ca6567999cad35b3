// Where a shop's admin lives. Always https://{shop} in production; tests and local development
// may point every shop at a stand-in through SYNCO_DEV_SHOPIFY_ORIGIN (e.g.
// "http://127.0.0.1:4100/api/sandbox/shopify/{shop}"). The shop comes from validated input, the
// origin never does.
export function shopifyAdminOrigin(shopDomain: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.NODE_ENV === "production" ? undefined : env.SYNCO_DEV_SHOPIFY_ORIGIN;
  if (!override) return `https://${shopDomain}`;
  return override.replace("{shop}", encodeURIComponent(shopDomain)).replace(/\/$/, "");
}

/** True when the admin origin is the real Shopify (the client then uses its default URL). */
export function usesRealShopify(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" || !env.SYNCO_DEV_SHOPIFY_ORIGIN;
}
