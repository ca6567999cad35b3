// The Shopify client a store's background work uses (index refresh, mirror): its current access
// token (renewed first when it runs out soon), and what happens when Shopify stops accepting it.
// A 401/403 — the token revoked, the custom app uninstalled before its webhook arrived — marks
// the store as needing attention, audited with Shopify as the actor, and surfaces as a conflict
// that jobs do not retry: retrying a dead token only fails again, quietly. A token replaced while
// the call was under way is left alone (the store's credentials no longer match).
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stores, type Store } from "@/db/schema/stores";
import { recordAudit } from "@/lib/audit/record-audit";
import { SHOPIFY_ACTOR } from "@/lib/audit/shopify-actor";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import type { CreateShopifyClientOptions, ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { ShopifyAuthError } from "@/lib/shopify/client/errors";
import { getStoreAccessToken } from "./get-store-access-token";
import { shopifyClientFor } from "./store-client";

/** Shopify refused the store's credentials; the store is marked as needing attention. */
export class StoreAccessLostError extends AppError {
  constructor(store: Store, status: number) {
    const remedy =
      store.kind === "sandbox" ? "add the sandbox store again" : "re-authorise the store or replace its access token";
    super("conflict", `Shopify no longer accepts this store's access token (HTTP ${status}): ${remedy}`);
  }
}

type ClientOptions = Omit<CreateShopifyClientOptions, "shopDomain" | "accessToken" | "apiVersion" | "endpoint">;

export async function storeShopifyClient(
  { storeId, organizationId }: { storeId: string; organizationId: string },
  options: ClientOptions = {},
): Promise<{ store: Store; client: ShopifyClient }> {
  const { store, accessToken } = await getStoreAccessToken({ storeId, organizationId });
  const client = shopifyClientFor({ ...store, accessToken }, options);
  return {
    store,
    client: {
      shopDomain: client.shopDomain,
      stats: () => client.stats(),
      async request(document, requestOptions) {
        try {
          return await client.request(document, requestOptions);
        } catch (error) {
          if (!(error instanceof ShopifyAuthError)) throw error;
          await markStoreAccessLost(store, error.status);
          throw new StoreAccessLostError(store, error.status);
        }
      },
    },
  };
}

/** Marks the store as needing attention, once, if it still holds the credentials Shopify refused. */
export async function markStoreAccessLost(store: Store, status: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(stores)
      .set({ status: "needs_reauth", updatedAt: new Date() })
      .where(
        and(
          eq(stores.id, store.id),
          eq(stores.status, "connected"),
          eq(stores.credentialsCiphertext, store.credentialsCiphertext ?? ""),
        ),
      )
      .returning({ id: stores.id });
    if (marked.length === 0) return false;
    await recordAudit(tx, SHOPIFY_ACTOR, {
      organizationId: store.organizationId,
      storeId: store.id,
      action: "store.access_lost",
      target: store.shopDomain,
      details: { status },
    });
    logger.warn(
      { storeId: store.id, shop: store.shopDomain, status },
      "Shopify refused the store's access token; store needs attention",
    );
    return true;
  });
}
