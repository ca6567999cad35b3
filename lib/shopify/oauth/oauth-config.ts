// Configuration of the Shopify app this product connects through. Nothing here is secret once
// read except the API secret, which never leaves the server.
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";

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
/**
 * What the Add store page and the API tell a merchant. While OAuth is not set up, `unavailable`
 * says so in words a merchant can act on — whoever runs the server sets it up; meanwhile a custom
 * app's access token connects the store (`instead: "token"`). The variables the operator sets are
 * named in the server's log and README, never to the merchant.
 */
export type OauthConfigStatus = {
  configured: boolean;
  unavailable: { message: string; instead: "token" } | null;
  scopes: string[];
};

const UNAVAILABLE = {
  message:
    "Connecting with Shopify is not set up on this server yet. Ask whoever runs Synco to connect it to a Shopify app, or connect the store now with a custom app's access token.",
  instead: "token",
} as const;

const missingVariables = (env: NodeJS.ProcessEnv) =>
  (["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET"] as const).filter((name) => !env[name]?.trim());

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
  const configured = missingVariables(env).length === 0;
  return { configured, unavailable: configured ? null : UNAVAILABLE, scopes: requestedScopes(env) };
}

/** The app's OAuth settings, or a 409 the merchant can act on (the operator finds the variables to set in the log). */
export function oauthConfig(env: NodeJS.ProcessEnv = process.env): OauthConfig {
  const missing = missingVariables(env);
  if (missing.length > 0) {
    logger.warn({ missing }, "Shopify OAuth is not configured: set these environment variables");
    throw new AppError("conflict", UNAVAILABLE.message, { details: { instead: UNAVAILABLE.instead } });
  }
  const status = oauthConfigStatus(env);
  return {
    apiKey: env.SHOPIFY_API_KEY!.trim(),
    apiSecret: env.SHOPIFY_API_SECRET!.trim(),
    scopes: status.scopes,
    requiredScopes: configuredScopes(env),
  };
}
