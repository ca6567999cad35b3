// The access token to call Shopify with, renewed first when it is an expiring offline token that
// runs out within five minutes. The renewal holds the store row's lock, so two callers never spend
// the same refresh token (Shopify invalidates it on use); the loser reads the new pair.
import "server-only";
import { db } from "@/db/client";
import { stores, type Store } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { oauthConfig } from "@/lib/shopify/oauth/oauth-config";
import { requestAccessToken } from "@/lib/shopify/oauth/request-access-token";
import { encryptCredentials, storeCredentials, type StoreCredentials } from "./store-credentials";

const RENEW_BEFORE_MS = 5 * 60_000;

const expiresSoon = (credentials: StoreCredentials, now: Date) =>
  credentials.accessTokenExpiresAt !== null &&
  new Date(credentials.accessTokenExpiresAt).getTime() - now.getTime() < RENEW_BEFORE_MS;

export async function getStoreAccessToken({
  storeId,
  organizationId,
  now = new Date(),
}: {
  storeId: string;
  organizationId: string;
  now?: Date;
}): Promise<{ store: Store; accessToken: string }> {
  const [store] = await db.select().from(stores).where(storeScope({ storeId, organizationId }));
  if (!store) throw new AppError("not_found", "Store not found");
  const credentials = storeCredentials(store);
  if (!credentials || store.status === "disconnected")
    throw new AppError("conflict", "This store is disconnected: connect it again first");
  if (!expiresSoon(credentials, now)) return { store, accessToken: credentials.accessToken };
  return renew({ storeId, organizationId, now });
}

async function renew({ storeId, organizationId, now }: { storeId: string; organizationId: string; now: Date }) {
  const result = await db.transaction(async (tx) => {
    const [store] = await tx.select().from(stores).where(storeScope({ storeId, organizationId })).for("update");
    const credentials = store && storeCredentials(store);
    if (!store || !credentials) throw new AppError("conflict", "This store is disconnected: connect it again first");
    if (!expiresSoon(credentials, now)) return { store, accessToken: credentials.accessToken };
    const refreshable =
      credentials.refreshToken &&
      (!credentials.refreshTokenExpiresAt || new Date(credentials.refreshTokenExpiresAt) > now);
    if (!refreshable) return null;
    const renewed = await requestAccessToken({
      config: oauthConfig(),
      shop: store.shopDomain,
      grant: { refreshToken: credentials.refreshToken! },
      now,
    });
    const next = { ...credentials, ...renewed, scopes: renewed.scopes?.length ? renewed.scopes : credentials.scopes };
    const [updated] = await tx
      .update(stores)
      .set({ ...encryptCredentials(store.id, next), updatedAt: now })
      .where(storeScope({ storeId, organizationId }))
      .returning();
    logger.info({ storeId, shop: store.shopDomain }, "renewed expiring Shopify access token");
    return { store: updated!, accessToken: next.accessToken };
  });
  if (result) return result;
  await db
    .update(stores)
    .set({ status: "needs_reauth", updatedAt: now })
    .where(storeScope({ storeId, organizationId }));
  throw new AppError("conflict", "The store's Shopify authorisation has expired: re-authorise it");
}
