// @shopify/shopify-api for what it does well here: shop-domain sanitising, the OAuth callback's
// HMAC (with its timestamp window) and scope arithmetic (write_x implies read_x). The handshake
// itself is ours (state in the database, bound to the user's session and organization).
import "server-only";
import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, AuthScopes, LogSeverity, shopifyApi, type Shopify } from "@shopify/shopify-api";
import { logger } from "@/lib/logger";
import { appUrl } from "@/lib/runtime/app-url";
import type { OauthConfig } from "./oauth-config";

let cached: { key: string; api: Shopify } | undefined;

export function shopifyApiFor(config: OauthConfig): Shopify {
  const url = new URL(appUrl());
  const key = [config.apiKey, config.apiSecret, config.scopes.join(","), url.origin].join("|");
  if (cached?.key === key) return cached.api;
  const api = shopifyApi({
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecret,
    scopes: config.scopes,
    hostName: url.host,
    hostScheme: url.protocol === "http:" ? "http" : "https",
    apiVersion: ApiVersion.January26,
    isEmbeddedApp: false,
    logger: {
      level: LogSeverity.Warning,
      log: async (_severity, message) => logger.warn({ component: "shopify-api" }, message),
    },
  });
  cached = { key, api };
  return api;
}

/** True when `granted` covers every scope in `required` (write_products covers read_products). */
export function scopesCover(granted: string[], required: string[]): boolean {
  return new AuthScopes(granted).has(required);
}

/** `name.myshopify.com` in lower case, or null for anything that is not a myshopify.com shop. */
export function sanitizeShopDomain(config: OauthConfig, shop: string | null | undefined): string | null {
  if (!shop) return null;
  return shopifyApiFor(config).utils.sanitizeShop(shop, false) ?? null;
}
