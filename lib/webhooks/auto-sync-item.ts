// Automatic sync (a store setting, off by default): a product, customer or order created or updated
// in Shopify is queued for a sync to Odoo once its delivery is recorded. Deduplicated by delivery
// (the request's key is the webhook id) and by item (the store's sync queue holds an item once); a
// sync asked for during a clear waits for it (decision 85). Items already synced are left alone:
// a sync of a synced item only re-links it, and the mirror's own metafield write comes back as an
// update webhook, which would otherwise sync every item again after every sync. Never fails the
// delivery: Shopify would retry it, and the retry is a duplicate that does nothing.
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import type { Store } from "@/db/schema/stores";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { requestOdooSync } from "@/lib/odoo-sync/request-odoo-sync";
import type { OdooSyncType } from "@/lib/vocabulary/odoo-sync";
import type { ResourceType } from "@/lib/vocabulary/sync";

const TOPIC = /^(products|customers|orders)\/(create|update|updated)$/;
const TYPE: Record<string, { resource: ResourceType; api: OdooSyncType }> = {
  products: { resource: "product", api: "products" },
  customers: { resource: "customer", api: "customers" },
  orders: { resource: "order", api: "orders" },
};

export type AutoSyncOutcome = "queued" | "off" | "not_an_item" | "already_synced" | "refused";

export async function autoSyncItem({
  store,
  topic,
  webhookId,
  payload,
}: {
  store: Store;
  topic: string;
  webhookId: string;
  payload: Record<string, unknown>;
}): Promise<AutoSyncOutcome> {
  const match = TOPIC.exec(topic);
  if (!match) return "not_an_item";
  if (!store.autoSync || store.status !== "connected") return "off";
  const type = TYPE[match[1]!]!;
  const id = Number(payload.id);
  if (!Number.isSafeInteger(id) || id <= 0) return "not_an_item";
  const [mapping] = await db
    .select({ status: syncMappings.status })
    .from(syncMappings)
    .where(
      and(
        eq(syncMappings.storeId, store.id),
        eq(syncMappings.resourceType, type.resource),
        eq(syncMappings.shopifyId, id),
      ),
    );
  if (mapping?.status === "synced") return "already_synced";
  try {
    await requestOdooSync({
      storeId: store.id,
      organizationId: store.organizationId,
      actor: null,
      request: { scope: "selected", type: type.api, shopifyIds: [id] },
      idempotencyKey: `webhook:${webhookId}`,
      trigger: "webhook",
    });
    return "queued";
  } catch (error) {
    // No Odoo connection, or the store just lost its connection: nothing to sync to; said in the log.
    if (error instanceof AppError && error.code === "conflict") {
      logger.info({ storeId: store.id, topic, reason: error.message }, "automatic sync not queued");
      return "refused";
    }
    logger.error({ err: error, storeId: store.id, topic }, "automatic sync could not be queued");
    return "refused";
  }
}
