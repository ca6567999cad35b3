import "server-only";
import type { Store } from "@/db/schema/stores";
import { logger } from "@/lib/logger";
import { registerStoreWebhooks, unregisterStoreWebhooks } from "./register-store-webhooks";
import { shopifyClientFor } from "./store-client";
import type { TWebhookSubscriptionOutcome } from "./schemas";

/**
 * Registers the store's webhooks right after it connects. A failure does not undo the connection
 * (the credentials are good); it is logged and reported so the caller can show it.
 */
export async function subscribeStoreWebhooks({
  store,
  accessToken,
}: {
  store: Store;
  accessToken: string;
}): Promise<TWebhookSubscriptionOutcome> {
  try {
    const { created } = await registerStoreWebhooks({
      client: shopifyClientFor({ ...store, accessToken }, { maxRetries: 3, deadlineMs: 30_000 }),
    });
    return { subscribed: true, created };
  } catch (error) {
    logger.warn(
      { storeId: store.id, shop: store.shopDomain, error: error instanceof Error ? error.message : String(error) },
      "webhook subscriptions failed",
    );
    return { subscribed: false, created: [] };
  }
}

/** Best effort before a disconnect: the token still works, so Shopify can be told to stop sending. */
export async function unsubscribeStoreWebhooks({
  store,
  accessToken,
}: {
  store: Store;
  accessToken: string;
}): Promise<boolean> {
  try {
    await unregisterStoreWebhooks({
      client: shopifyClientFor({ ...store, accessToken }, { maxRetries: 1, deadlineMs: 10_000 }),
    });
    return true;
  } catch (error) {
    logger.warn(
      { storeId: store.id, shop: store.shopDomain, error: error instanceof Error ? error.message : String(error) },
      "webhook unsubscribe failed",
    );
    return false;
  }
}
