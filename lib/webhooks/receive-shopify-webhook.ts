// One Shopify webhook delivery: signature first (401 when wrong), then at most one handling per
// X-Shopify-Webhook-Id — the delivery row and the change it causes commit together, so a repeat
// (Shopify retries and sometimes sends twice) answers 200 and changes nothing. Work is a few
// statements, well inside Shopify's five-second budget.
import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { shopifyWebhookEvents, stores, type Store } from "@/db/schema/stores";
import { applyIndexWebhook, isIndexTopic } from "@/lib/shopify-index/apply-index-webhook";
import { storeCredentials } from "@/lib/stores/store-credentials";
import { handleAppUninstalled } from "./topics/app-uninstalled";
import { handleCustomersDataRequest, handleCustomersRedact, handleShopRedact } from "./topics/compliance";
import { verifyWebhookHmac } from "./verify-webhook-hmac";

export type WebhookOutcome = {
  status: 200 | 400 | 401;
  outcome: "handled" | "duplicate" | "rejected";
  message?: string;
};

// Product, customer and order payloads are kept (the compliance topics act on them); compliance
// payloads carry personal data and are not kept.
const RECORDED_TOPICS = /^(products|customers|orders)\/(create|update|updated|delete)$/;

export async function receiveShopifyWebhook({
  rawBody,
  headers,
}: {
  rawBody: Buffer;
  headers: Headers;
}): Promise<WebhookOutcome> {
  const hmac = headers.get("x-shopify-hmac-sha256");
  const shopDomain = headers.get("x-shopify-shop-domain")?.trim().toLowerCase();
  if (!hmac || !shopDomain) return { status: 401, outcome: "rejected", message: "missing signature" };
  const shopStores = await db
    .select()
    .from(stores)
    .where(eq(stores.shopDomain, shopDomain))
    .orderBy(desc(stores.updatedAt));
  const store = shopStores.find((row) => row.status !== "disconnected") ?? shopStores[0] ?? null;
  if (!webhookSecrets(store).some((secret) => verifyWebhookHmac({ rawBody, hmac, secret }))) {
    return { status: 401, outcome: "rejected", message: "invalid signature" };
  }
  const topic = headers.get("x-shopify-topic");
  const webhookId = headers.get("x-shopify-webhook-id");
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(rawBody.toString("utf8")) as Record<string, unknown>;
  } catch {
    return { status: 400, outcome: "rejected", message: "body is not JSON" };
  }
  if (!topic || !webhookId)
    return { status: 400, outcome: "rejected", message: "missing X-Shopify-Topic or X-Shopify-Webhook-Id" };

  const handled = await db.transaction(async (tx) => {
    const triggered = headers.get("x-shopify-triggered-at");
    const [inserted] = await tx
      .insert(shopifyWebhookEvents)
      .values({
        webhookId,
        topic,
        shopDomain,
        storeId: store?.id ?? null,
        eventId: headers.get("x-shopify-event-id"),
        triggeredAt: triggered && !Number.isNaN(Date.parse(triggered)) ? new Date(triggered) : null,
        payload: RECORDED_TOPICS.test(topic) ? payload : null,
        // Every topic is handled below, in this transaction.
        processedAt: sql`now()`,
      })
      .onConflictDoNothing({ target: shopifyWebhookEvents.webhookId })
      .returning({ webhookId: shopifyWebhookEvents.webhookId });
    if (!inserted) return false;
    await dispatch(tx, topic, { shopDomain, store, shopStores, payload });
    if (store && store.status !== "disconnected")
      await tx
        .update(stores)
        .set({ lastActivityAt: sql`now()` })
        .where(eq(stores.id, store.id));
    return true;
  });
  return { status: 200, outcome: handled ? "handled" : "duplicate" };
}

type Delivery = { shopDomain: string; store: Store | null; shopStores: Store[]; payload: Record<string, unknown> };

async function dispatch(tx: Db, topic: string, delivery: Delivery) {
  switch (topic) {
    case "app/uninstalled":
      return handleAppUninstalled(tx, delivery);
    case "customers/data_request":
      return handleCustomersDataRequest(tx, delivery);
    case "customers/redact":
      return handleCustomersRedact(tx, delivery);
    case "shop/redact":
      return handleShopRedact(tx, delivery);
    default:
      // Product, customer and order changes update the store's index of Shopify items.
      if (isIndexTopic(topic)) await applyIndexWebhook(tx, { topic, store: delivery.store, payload: delivery.payload });
      return;
  }
}

/**
 * The secrets that may sign this shop's webhooks: the store's own (a sandbox installation's, or a
 * custom app's given when connecting by token), and for real stores the app's SHOPIFY_API_SECRET.
 */
function webhookSecrets(store: Store | null): string[] {
  const own = store?.credentialsCiphertext ? storeCredentials(store)?.apiSecret : null;
  const appSecret = store?.kind === "sandbox" ? null : process.env.SHOPIFY_API_SECRET?.trim();
  return [own, appSecret].filter((secret): secret is string => Boolean(secret));
}
