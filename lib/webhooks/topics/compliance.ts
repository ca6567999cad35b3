// Shopify's mandatory privacy webhooks, one function per topic, acting on the data this product
// holds about a shop or a customer. Today that is the store rows (credentials) and the webhook
// payloads waiting for the sync index; the sync-mapping issue extends these same functions.
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { shopifyWebhookEvents, stores, type Store } from "@/db/schema/stores";
import { recordAudit } from "@/lib/audit/record-audit";
import { SHOPIFY_ACTOR } from "../shopify-actor";
import type { WebhookTx } from "../webhook-types";

type CustomerRequest = { customer?: { id?: number | string }; orders_to_redact?: (number | string)[]; orders_requested?: (number | string)[]; data_request?: { id?: number | string } };

/** Payloads we keep that mention the customer: their own customer events and their orders'. */
function customerEvents(shopDomain: string, customerId: string, orderIds: string[]) {
  const payloadId = sql`${shopifyWebhookEvents.payload}->>'id'`;
  return and(
    eq(shopifyWebhookEvents.shopDomain, shopDomain),
    isNotNull(shopifyWebhookEvents.payload),
    or(
      and(sql`${shopifyWebhookEvents.topic} like 'customers/%'`, eq(payloadId, customerId)),
      and(sql`${shopifyWebhookEvents.topic} like 'orders/%'`, eq(sql`${shopifyWebhookEvents.payload}->'customer'->>'id'`, customerId)),
      orderIds.length ? and(sql`${shopifyWebhookEvents.topic} like 'orders/%'`, inArray(payloadId, orderIds)) : undefined,
    ),
  );
}

async function auditForShop(tx: WebhookTx, shopStores: Store[], action: string, details: Record<string, unknown>) {
  for (const store of shopStores) {
    await recordAudit(tx, SHOPIFY_ACTOR, { organizationId: store.organizationId, storeId: store.id, action, target: store.shopDomain, details });
  }
}

/** customers/data_request: the merchant must get what we hold; the audit entry tells the organization what that is. */
export async function handleCustomersDataRequest(tx: WebhookTx, { shopDomain, shopStores, payload }: { shopDomain: string; shopStores: Store[]; payload: CustomerRequest }) {
  const customerId = String(payload.customer?.id ?? "");
  const orderIds = (payload.orders_requested ?? []).map(String);
  const held = await tx.select({ topic: shopifyWebhookEvents.topic, webhookId: shopifyWebhookEvents.webhookId }).from(shopifyWebhookEvents).where(customerEvents(shopDomain, customerId, orderIds));
  await auditForShop(tx, shopStores, "store.customer_data_requested", {
    customerId,
    dataRequestId: payload.data_request?.id ?? null,
    held: { webhookPayloads: held.length },
  });
}

/** customers/redact: erase what we hold about the customer and the listed orders. */
export async function handleCustomersRedact(tx: WebhookTx, { shopDomain, shopStores, payload }: { shopDomain: string; shopStores: Store[]; payload: CustomerRequest }) {
  const customerId = String(payload.customer?.id ?? "");
  const orderIds = (payload.orders_to_redact ?? []).map(String);
  const erased = await tx.delete(shopifyWebhookEvents).where(customerEvents(shopDomain, customerId, orderIds)).returning({ id: shopifyWebhookEvents.webhookId });
  await auditForShop(tx, shopStores, "store.customer_redacted", { customerId, orders: orderIds.length, erased: { webhookPayloads: erased.length } });
}

/** shop/redact (48 h after uninstall): erase the shop's credentials and payloads; the audit log stays. */
export async function handleShopRedact(tx: WebhookTx, { shopDomain, shopStores }: { shopDomain: string; shopStores: Store[] }) {
  const erased = await tx
    .delete(shopifyWebhookEvents)
    .where(and(eq(shopifyWebhookEvents.shopDomain, shopDomain), isNotNull(shopifyWebhookEvents.payload)))
    .returning({ id: shopifyWebhookEvents.webhookId });
  const gone = shopStores.filter((store) => store.status === "disconnected");
  if (gone.length) {
    await tx
      .update(stores)
      .set({ credentialsCiphertext: null, credentialsKeyId: null, updatedAt: new Date() })
      .where(and(eq(stores.shopDomain, shopDomain), eq(stores.status, "disconnected")));
  }
  await auditForShop(tx, shopStores, "store.shop_redacted", { erased: { webhookPayloads: erased.length, credentials: gone.length } });
}
