// Finishes the grant when Shopify sends the merchant back: the HMAC of the query (with the
// library's timestamp window), the single-use state of this user's session, the same shop that
// started it, the caller still an admin of the organization; then the code is exchanged for an
// expiring offline token, the store saved and its webhooks subscribed. Any failure stores nothing.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { shopifyOauthStates } from "@/db/schema/stores";
import type { Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { getMembership } from "@/lib/organizations/get-membership";
import { can } from "@/lib/organizations/permissions";
import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";
import { oauthConfig } from "@/lib/shopify/oauth/oauth-config";
import { requestAccessToken } from "@/lib/shopify/oauth/request-access-token";
import { sanitizeShopDomain, scopesCover, shopifyApiFor } from "@/lib/shopify/oauth/shopify-api";
import { saveConnectedStore } from "@/lib/stores/save-connected-store";
import { shopifyClientFor } from "@/lib/stores/store-client";
import { subscribeStoreWebhooks } from "@/lib/stores/subscribe-store-webhooks";
import { hashState } from "./start-oauth";

export type OauthFailure =
  | "invalid_hmac"
  | "invalid_state"
  | "expired_state"
  | "shop_mismatch"
  | "denied"
  | "token_exchange_failed"
  | "already_connected";
export type CompleteOauthResult = { ok: true; storeId: string; status: string } | { ok: false; reason: OauthFailure };

const SHOP_NAME = `#graphql
  query OauthShopName {
    shop {
      name
    }
  }
`;

type Options = { query: URLSearchParams; userId: string; sessionId: string; actor: Actor; now?: Date };

export async function completeOauth({
  query,
  userId,
  sessionId,
  actor,
  now = new Date(),
}: Options): Promise<CompleteOauthResult> {
  const config = oauthConfig();
  const fail = (reason: OauthFailure, detail?: unknown): CompleteOauthResult => {
    logger.warn(
      { reason, userId, detail: detail instanceof Error ? detail.message : detail },
      "Shopify OAuth callback refused",
    );
    return { ok: false, reason };
  };
  const hmacValid = await shopifyApiFor(config)
    .utils.validateHmac(Object.fromEntries(query))
    .catch(() => false);
  if (!hmacValid) return fail("invalid_hmac");
  const state = query.get("state") ?? "";
  // Deleting is the check: a state is used once, and only by the session that started it.
  const [started] = await db
    .delete(shopifyOauthStates)
    .where(
      and(
        eq(shopifyOauthStates.stateHash, hashState(state)),
        eq(shopifyOauthStates.userId, userId),
        eq(shopifyOauthStates.sessionId, sessionId),
      ),
    )
    .returning();
  if (!started) return fail("invalid_state");
  if (started.expiresAt <= now) return fail("expired_state");
  const shop = sanitizeShopDomain(config, query.get("shop"));
  if (!shop || shop !== started.shopDomain)
    return fail("shop_mismatch", { expected: started.shopDomain, got: query.get("shop") });
  const membership = await getMembership({ organizationId: started.organizationId, userId });
  if (!membership || !can(membership.role, "stores.add")) throw new AppError("not_found", "Organization not found");
  const code = query.get("code");
  if (!code) return fail("denied");

  let credentials;
  try {
    credentials = await requestAccessToken({ config, shop, grant: { code }, now });
  } catch (error) {
    return fail("token_exchange_failed", error);
  }
  const granted = credentials.scopes ?? [];
  const client = shopifyClientFor(
    { kind: "shopify", shopDomain: shop, apiVersion: ADMIN_API_VERSION, accessToken: credentials.accessToken },
    { maxRetries: 2, deadlineMs: 20_000 },
  );
  const name = await client
    .request<{ shop: { name: string } }>(SHOP_NAME)
    .then((answer) => answer.data.shop.name)
    .catch(() => shop);
  const saved = await saveConnectedStore({
    organizationId: started.organizationId,
    actor,
    kind: "shopify",
    method: "oauth",
    shopDomain: shop,
    name,
    credentials,
    status: scopesCover(granted, config.requiredScopes) ? "connected" : "needs_reauth",
  }).catch((error: unknown) => {
    // Another organization connected the shop while the merchant was on Shopify's consent screen.
    if (error instanceof AppError && error.code === "conflict") return null;
    throw error;
  });
  if (!saved) return fail("already_connected");
  const { store } = saved;
  await subscribeStoreWebhooks({ store, accessToken: credentials.accessToken });
  return { ok: true, storeId: store.id, status: store.status };
}
