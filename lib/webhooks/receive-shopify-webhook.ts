// One Shopify webhook delivery: signature first (401 when wrong), then the headers checked against
// the signed body (422), then at most one handling per X-Shopify-Webhook-Id, per event id and per
// body — the delivery row and the change it causes commit together, so a repeat (Shopify retries and
// sometimes sends twice, an attacker may resend a signed body under new headers) answers 200 and
// changes nothing. The delivery acts only on the store rows whose secret verified it. Work is a few
// statements, well inside Shopify's five-second budget.
import { createHash } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { shopifyWebhookEvents, stores, type Store } from "@/db/schema/stores";
import { applyIndexWebhook, isIndexTopic } from "@/lib/shopify-index/apply-index-webhook";
import { storeCredentials } from "@/lib/stores/store-credentials";
import { oweAutoSync, queueOwedAutoSync } from "./auto-sync-item";
import { handleAppUninstalled } from "./topics/app-uninstalled";
import { handleCustomersDataRequest, handleCustomersRedact, handleShopRedact } from "./topics/compliance";
import { sanitizeJsonText } from "@/lib/vocabulary/text";
import { verifyWebhookHmac } from "./verify-webhook-hmac";
import { webhookPayloadProblem } from "./webhook-payload-problem";

/**
 * Shopify's largest payloads (orders with hundreds of lines) stay well under this; the route refuses
 * anything bigger (413) before reading it, so forged bodies cannot fill the server's memory.
 */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;

export type WebhookOutcome = {
  status: 200 | 400 | 401 | 422;
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
  const rows = await db.select().from(stores).where(eq(stores.shopDomain, shopDomain)).orderBy(desc(stores.updatedAt));
  // Only the rows whose own secret (or, for real stores, the app's) signed this body: a store
  // connected by token with a secret of its owner's choosing speaks for itself, never for
  // another organization's row of the same shop.
  const shopStores = rows.filter((row) =>
    webhookSecrets(row).some((secret) => verifyWebhookHmac({ rawBody, hmac, secret })),
  );
  if (shopStores.length === 0) return { status: 401, outcome: "rejected", message: "invalid signature" };
  const store = shopStores.find((row) => row.status !== "disconnected") ?? shopStores[0]!;
  const topic = headers.get("x-shopify-topic");
  const webhookId = headers.get("x-shopify-webhook-id");
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return { status: 400, outcome: "rejected", message: "body is not JSON" };
  }
  if (!topic || !webhookId)
    return { status: 400, outcome: "rejected", message: "missing X-Shopify-Topic or X-Shopify-Webhook-Id" };
  const problem = webhookPayloadProblem(topic, shopDomain, parsed);
  if (problem) return { status: 422, outcome: "rejected", message: problem };
  // PostgreSQL cannot store NUL, and JSON may carry a lone surrogate: kept payloads are made storable.
  const payload = sanitizeJsonText(parsed as Record<string, unknown>);

  const delivery = await db.transaction(async (tx) => {
    const triggered = headers.get("x-shopify-triggered-at");
    const [inserted] = await tx
      .insert(shopifyWebhookEvents)
      .values({
        webhookId,
        topic,
        shopDomain,
        storeId: store.id,
        eventId: headers.get("x-shopify-event-id"),
        bodyHash: createHash("sha256").update(rawBody).digest("hex"),
        triggeredAt: triggered && !Number.isNaN(Date.parse(triggered)) ? new Date(triggered) : null,
        payload: RECORDED_TOPICS.test(topic) ? payload : null,
        // Every topic is handled below, in this transaction.
        processedAt: sql`now()`,
      })
      // Any of the three keys (webhook id, event id per topic, body) already seen: a repeat.
      .onConflictDoNothing()
      .returning({ webhookId: shopifyWebhookEvents.webhookId });
    if (!inserted) return null;
    await dispatch(tx, topic, { shopDomain, store, shopStores, payload });
    if (store.status !== "disconnected")
      await tx
        .update(stores)
        .set({ lastActivityAt: sql`now()` })
        .where(eq(stores.id, store.id));
    // Committed with the delivery, so a crash after the commit cannot lose it (decision 110).
    return oweAutoSync(tx, { store, topic, webhookId, payload });
  });
  // After the delivery and its index change are committed, so the sync reads the item as it is now.
  if (delivery?.owed) await queueOwedAutoSync({ owed: delivery.owed, store });
  return { status: 200, outcome: delivery ? "handled" : "duplicate" };
}

type Delivery = { shopDomain: string; store: Store; shopStores: Store[]; payload: Record<string, unknown> };

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
function webhookSecrets(store: Store): string[] {
  const own = store.credentialsCiphertext ? storeCredentials(store)?.apiSecret : null;
  const appSecret = store.kind === "sandbox" ? null : process.env.SHOPIFY_API_SECRET?.trim();
  return [own, appSecret].filter((secret): secret is string => Boolean(secret));
}
