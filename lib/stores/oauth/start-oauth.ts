// Starts the authorization-code grant: a single-use state bound to the user's session and
// organization (and to the shop), valid for ten minutes, and the URL of Shopify's consent screen.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { shopifyOauthStates, stores } from "@/db/schema/stores";
import { AppError } from "@/lib/errors/app-error";
import { appUrl } from "@/lib/runtime/app-url";
import { OPTIONAL_SCOPES, oauthConfig } from "@/lib/shopify/oauth/oauth-config";
import { sanitizeShopDomain } from "@/lib/shopify/oauth/shopify-api";
import { shopifyAdminOrigin } from "@/lib/shopify/oauth/shopify-origin";
import { shopTakenError } from "@/lib/stores/save-connected-store";
import type { TStartOauthResponse } from "@/lib/stores/schemas";

export const OAUTH_STATE_TTL_MS = 10 * 60_000;
export const oauthCallbackUrl = () => `${appUrl()}/api/shopify/oauth/callback`;
export const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

type Options = {
  userId: string;
  sessionId: string;
  organizationId: string;
  shop: string;
  storeId?: string;
  now?: Date;
};

export async function startOauth({
  userId,
  sessionId,
  organizationId,
  shop,
  storeId,
  now = new Date(),
}: Options): Promise<TStartOauthResponse> {
  const config = oauthConfig();
  const shopDomain = sanitizeShopDomain(config, shop);
  if (!shopDomain)
    throw new AppError("unprocessable", "shop: must be a *.myshopify.com shop domain", { field: "shop" });
  // Fail before the merchant approves anything when the shop is live in another organization.
  const [live] = await db
    .select({ organizationId: stores.organizationId })
    .from(stores)
    .where(and(eq(stores.shopDomain, shopDomain), ne(stores.status, "disconnected")));
  if (live && live.organizationId !== organizationId) throw shopTakenError();

  const state = randomBytes(32).toString("base64url");
  await db.delete(shopifyOauthStates).where(lt(shopifyOauthStates.expiresAt, now));
  await db.insert(shopifyOauthStates).values({
    stateHash: hashState(state),
    userId,
    sessionId,
    organizationId,
    shopDomain,
    storeId: storeId ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
  });
  // Offline access (no grant_options[]=per-user): the token belongs to the app, not to the person.
  const query = new URLSearchParams({
    client_id: config.apiKey,
    scope: [...new Set([...config.scopes, ...OPTIONAL_SCOPES])].join(","),
    redirect_uri: oauthCallbackUrl(),
    state,
  });
  return { authorizeUrl: `${shopifyAdminOrigin(shopDomain)}/admin/oauth/authorize?${query}` };
}
