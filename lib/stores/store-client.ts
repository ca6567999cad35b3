// A Shopify client for a store: sandbox stores talk to this app's sandbox endpoint, real stores to
// Shopify (or, outside production, to the stand-in named by SYNCO_DEV_SHOPIFY_ORIGIN).
import "server-only";
import type { Store } from "@/db/schema/stores";
import { appUrl } from "@/lib/runtime/app-url";
import {
  createShopifyClient,
  type CreateShopifyClientOptions,
  type ShopifyClient,
} from "@/lib/shopify/client/create-shopify-client";
import { shopifyAdminOrigin, usesRealShopify } from "@/lib/shopify/oauth/shopify-origin";

type Target = Pick<Store, "kind" | "shopDomain" | "apiVersion">;

/** The Admin GraphQL URL, or undefined for Shopify's own (the client's default). */
export function shopifyGraphqlEndpoint({ kind, shopDomain, apiVersion }: Target): string | undefined {
  if (kind === "sandbox") return `${appUrl()}/api/sandbox/shopify/${shopDomain}/admin/api/${apiVersion}/graphql.json`;
  if (usesRealShopify()) return undefined;
  return `${shopifyAdminOrigin(shopDomain)}/admin/api/${apiVersion}/graphql.json`;
}

export function shopifyClientFor(
  target: Target & { accessToken: string },
  options: Omit<CreateShopifyClientOptions, "shopDomain" | "accessToken" | "apiVersion" | "endpoint"> = {},
): ShopifyClient {
  return createShopifyClient({
    shopDomain: target.shopDomain,
    accessToken: target.accessToken,
    apiVersion: target.apiVersion,
    endpoint: shopifyGraphqlEndpoint(target),
    ...options,
  });
}
