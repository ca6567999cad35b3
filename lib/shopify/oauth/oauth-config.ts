// Configuration of the Shopify app this product connects through. Nothing here is secret once
// read except the API secret, which never leaves the server.
import { AppError } from "@/lib/errors/app-error";

/** What the product needs: read and write products, customers and orders (metafields come with them). */
export const REQUIRED_SCOPES = [
  "read_products",
  "write_products",
  "read_customers",
  "write_customers",
  "read_orders",
  "write_orders",
] as const;

/**
 * Asked for but not required: without `read_all_orders` Shopify shows only the last 60 days of
 * orders (and grants it to public apps only on request), so a store without it still connects and
 * works on the orders Shopify shows it.
 */
export const OPTIONAL_SCOPES = ["read_all_orders"] as const;

/** `scopes`: asked for on Shopify's consent screen; `requiredScopes`: a grant must cover these. */
export type OauthConfig = { apiKey: string; apiSecret: string; scopes: string[]; requiredScopes: string[] };
export type OauthConfigStatus = { configured: boolean; missing: string[]; scopes: string[] };

/** The scopes a store's grant must cover: the required ones plus any extra in SHOPIFY_SCOPES (comma-separated). */
export function configuredScopes(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.SHOPIFY_SCOPES ?? "")
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  return [...new Set([...REQUIRED_SCOPES, ...extra])];
}

/** The scopes asked for: the required ones, the optional ones, then any extra. */
export function requestedScopes(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set([...REQUIRED_SCOPES, ...OPTIONAL_SCOPES, ...configuredScopes(env)])];
}

export function oauthConfigStatus(env: NodeJS.ProcessEnv = process.env): OauthConfigStatus {
  const missing = (["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET"] as const).filter((name) => !env[name]?.trim());
  return { configured: missing.length === 0, missing, scopes: requestedScopes(env) };
}

/** The app's OAuth settings, or a 409 that names the variables to set. */
export function oauthConfig(env: NodeJS.ProcessEnv = process.env): OauthConfig {
  const status = oauthConfigStatus(env);
  if (!status.configured) {
    throw new AppError(
      "conflict",
      `Connecting Shopify stores by OAuth is not configured on this server: set ${status.missing.join(" and ")}`,
      {
        details: { missing: status.missing },
      },
    );
  }
  return {
    apiKey: env.SHOPIFY_API_KEY!.trim(),
    apiSecret: env.SHOPIFY_API_SECRET!.trim(),
    scopes: status.scopes,
    requiredScopes: configuredScopes(env),
  };
}
