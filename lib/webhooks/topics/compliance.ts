// Shopify's mandatory privacy webhooks, one function per topic, acting on the data this product
// holds about a shop or a customer: the store rows (credentials), the webhook payloads, the index
// of Shopify items (names, emails) and, once the shop is gone, its mappings. `shopStores` are the
// rows whose secret verified the delivery (receive-shopify-webhook.ts): nothing here reaches a row
// of the same shop domain that the signer does not speak for.
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/handle";
import { syncMappings } from "@/db/schema/mappings";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { operationRuns } from "@/db/schema/operations";
import { shopifyIndexItems, shopifyIndexTombstones } from "@/db/schema/shopify-index";
import { shopifyWebhookEvents, stores, type Store } from "@/db/schema/stores";
import { lockStoreSync } from "@/db/store-lock";
import { recordAudit } from "@/lib/audit/record-audit";
import { SHOPIFY_ACTOR } from "@/lib/audit/shopify-actor";
import type { AuditEvent } from "@/lib/vocabulary/audit";

type CustomerRequest = {
  customer?: { id?: number | string; email?: string | null };
  orders_to_redact?: (number | string)[];
  orders_requested?: (number | string)[];
  data_request?: { id?: number | string };
};

const numericIds = (ids: string[]) => ids.filter((id) => /^\d{1,18}$/.test(id)).map(Number);

/** The index rows about the customer: their own, and orders listed or placed with their email. */
function customerIndexItems(storeIds: string[], customerId: string, orderIds: string[], email: string | null) {
  const [customer] = numericIds([customerId]);
  const orders = numericIds(orderIds);
  return {
    customer: and(
      inArray(shopifyIndexItems.storeId, storeIds),
      eq(shopifyIndexItems.resourceType, "customer"),
      eq(shopifyIndexItems.shopifyId, customer ?? -1),
    ),
    orders: and(
      inArray(shopifyIndexItems.storeId, storeIds),
      eq(shopifyIndexItems.resourceType, "order"),
      or(
        orders.length ? inArray(shopifyIndexItems.shopifyId, orders) : undefined,
        email ? sql`lower(${shopifyIndexItems.email}) = lower(${email})` : undefined,
      ) ?? sql`false`,
    ),
  };
}

async function lockStores(tx: Db, shopStores: Store[]) {
  for (const store of [...shopStores].sort((a, b) => a.id.localeCompare(b.id))) await lockStoreSync(tx, store.id);
}

/** Payloads we keep that mention the customer: their own customer events and their orders'. */
function customerEvents(shopStores: Store[], customerId: string, orderIds: string[]) {
  const payloadId = sql`${shopifyWebhookEvents.payload}->>'id'`;
  return and(
    storeEvents(shopStores),
    isNotNull(shopifyWebhookEvents.payload),
    or(
      and(sql`${shopifyWebhookEvents.topic} like 'customers/%'`, eq(payloadId, customerId)),
      and(
        sql`${shopifyWebhookEvents.topic} like 'orders/%'`,
        eq(sql`${shopifyWebhookEvents.payload}->'customer'->>'id'`, customerId),
      ),
      orderIds.length
        ? and(sql`${shopifyWebhookEvents.topic} like 'orders/%'`, inArray(payloadId, orderIds))
        : undefined,
    ),
  );
}

const storeEvents = (shopStores: Store[]) =>
  inArray(
    shopifyWebhookEvents.storeId,
    shopStores.map((store) => store.id),
  );

async function auditForShop(tx: Db, shopStores: Store[], event: AuditEvent) {
  for (const store of shopStores) {
    await recordAudit(tx, SHOPIFY_ACTOR, {
      organizationId: store.organizationId,
      storeId: store.id,
      target: store.shopDomain,
      ...event,
    });
  }
}

/** customers/data_request: the merchant must get what we hold; the audit entry tells the organization what that is. */
export async function handleCustomersDataRequest(
  tx: Db,
  { shopStores, payload }: { shopStores: Store[]; payload: CustomerRequest },
) {
  const customerId = String(payload.customer?.id ?? "");
  const orderIds = (payload.orders_requested ?? []).map(String);
  const held = await tx
    .select({ topic: shopifyWebhookEvents.topic, webhookId: shopifyWebhookEvents.webhookId })
    .from(shopifyWebhookEvents)
    .where(customerEvents(shopStores, customerId, orderIds));
  const index = customerIndexItems(
    shopStores.map((store) => store.id),
    customerId,
    orderIds,
    payload.customer?.email ?? null,
  );
  const indexed = shopStores.length
    ? await tx
        .select({ id: shopifyIndexItems.shopifyId })
        .from(shopifyIndexItems)
        .where(or(index.customer, index.orders))
    : [];
  await auditForShop(tx, shopStores, {
    action: "store.customer_data_requested",
    details: {
      customerId,
      dataRequestId: payload.data_request?.id ?? null,
      held: { webhookPayloads: held.length, indexItems: indexed.length },
    },
  });
}

/** customers/redact: erase what we hold about the customer and the listed orders. */
export async function handleCustomersRedact(
  tx: Db,
  { shopStores, payload }: { shopStores: Store[]; payload: CustomerRequest },
) {
  const customerId = String(payload.customer?.id ?? "");
  const orderIds = (payload.orders_to_redact ?? []).map(String);
  const erased = await tx
    .delete(shopifyWebhookEvents)
    .where(customerEvents(shopStores, customerId, orderIds))
    .returning({ id: shopifyWebhookEvents.webhookId });
  let indexItems = 0;
  if (shopStores.length) {
    // The customer's own row goes; their orders stay listed, without the email.
    await lockStores(tx, shopStores);
    const index = customerIndexItems(
      shopStores.map((store) => store.id),
      customerId,
      orderIds,
      payload.customer?.email ?? null,
    );
    indexItems += (await tx.delete(shopifyIndexItems).where(index.customer)).rowCount ?? 0;
    indexItems += (await tx.update(shopifyIndexItems).set({ email: null }).where(index.orders)).rowCount ?? 0;
  }
  await auditForShop(tx, shopStores, {
    action: "store.customer_redacted",
    details: { customerId, orders: orderIds.length, erased: { webhookPayloads: erased.length, indexItems } },
  });
}

/** shop/redact (48 h after uninstall): erase the shop's credentials and payloads; the audit log stays. */
export async function handleShopRedact(tx: Db, { shopStores }: { shopStores: Store[] }) {
  const erased = await tx
    .delete(shopifyWebhookEvents)
    .where(and(storeEvents(shopStores), isNotNull(shopifyWebhookEvents.payload)))
    .returning({ id: shopifyWebhookEvents.webhookId });
  const gone = shopStores.filter((store) => store.status === "disconnected");
  let indexItems = 0;
  let mappings = 0;
  if (gone.length) {
    await tx
      .update(stores)
      .set({ credentialsCiphertext: null, credentialsKeyId: null, updatedAt: new Date() })
      .where(
        inArray(
          stores.id,
          gone.map((store) => store.id),
        ),
      );
    // The shop's items and their mappings: nothing of it may stay once Shopify asks.
    await lockStores(tx, gone);
    const goneIds = gone.map((store) => store.id);
    indexItems = (await tx.delete(shopifyIndexItems).where(inArray(shopifyIndexItems.storeId, goneIds))).rowCount ?? 0;
    mappings = (await tx.delete(syncMappings).where(inArray(syncMappings.storeId, goneIds))).rowCount ?? 0;
    // Disconnecting removes the Odoo connection; a store disconnected before it did loses it here.
    await tx.delete(storeOdooConnections).where(inArray(storeOdooConnections.storeId, goneIds));
    await tx.delete(shopifyIndexTombstones).where(inArray(shopifyIndexTombstones.storeId, goneIds));
    // With the index gone, its refreshes would say it was read: the store shows "never read".
    await tx
      .delete(operationRuns)
      .where(and(inArray(operationRuns.storeId, goneIds), eq(operationRuns.kind, "index_refresh")));
  }
  await auditForShop(tx, shopStores, {
    action: "store.shop_redacted",
    details: { erased: { webhookPayloads: erased.length, credentials: gone.length, indexItems, mappings } },
  });
}
