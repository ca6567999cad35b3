// Automatic sync (a store setting, off by default): a product, customer or order created or updated
// in Shopify is queued for a sync to Odoo. The delivery's own transaction records that a sync is
// owed (`owed_auto_syncs`); once it commits, the sync is asked for and the entry deleted. A process
// that dies in between leaves the entry, and the `webhooks.auto-sync-sweep` job asks for it with the
// same key, so nothing is lost and nothing runs twice (decision 110). Deduplicated by delivery (the
// request's key is `webhook:<webhook id>`) and by item (the store's sync queue holds an item once);
// a sync asked for during a clear waits for it (decision 85). Items already synced are left alone:
// a sync of a synced item only re-links it, and the mirror's own metafield write comes back as an
// update webhook, which would otherwise sync every item again after every sync. Never fails the
// delivery: Shopify would retry it, and the retry is a duplicate that does nothing.
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { syncMappings } from "@/db/schema/mappings";
import { owedAutoSyncs, type OwedAutoSync } from "@/db/schema/odoo-sync";
import type { Store } from "@/db/schema/stores";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { requestOdooSync } from "@/lib/odoo-sync/request-odoo-sync";
import { ODOO_SYNC_TYPE_RESOURCE, ODOO_SYNC_TYPES, type OdooSyncType } from "@/lib/vocabulary/odoo-sync";
import type { ResourceType } from "@/lib/vocabulary/sync";

const TOPIC = /^(products|customers|orders)\/(create|update|updated)$/;

export type AutoSyncOutcome = "owed" | "off" | "not_an_item" | "already_synced";
/** `kept`: not asked for now (the database failed), left for the sweep. */
export type OwedSyncOutcome = "queued" | "refused" | "kept";

/** In the delivery's transaction: records the automatic sync the delivery owes, if it owes one. */
export async function oweAutoSync(
  tx: Db,
  {
    store,
    topic,
    webhookId,
    payload,
  }: { store: Store; topic: string; webhookId: string; payload: Record<string, unknown> },
): Promise<{ outcome: AutoSyncOutcome; owed: OwedAutoSync | null }> {
  const match = TOPIC.exec(topic);
  if (!match) return { outcome: "not_an_item", owed: null };
  if (!store.autoSync || store.status !== "connected") return { outcome: "off", owed: null };
  const resourceType = ODOO_SYNC_TYPE_RESOURCE[match[1] as OdooSyncType];
  const shopifyId = Number(payload.id);
  if (!Number.isSafeInteger(shopifyId) || shopifyId <= 0) return { outcome: "not_an_item", owed: null };
  const [mapping] = await tx
    .select({ status: syncMappings.status })
    .from(syncMappings)
    .where(
      and(
        eq(syncMappings.storeId, store.id),
        eq(syncMappings.resourceType, resourceType),
        eq(syncMappings.shopifyId, shopifyId),
      ),
    );
  if (mapping?.status === "synced") return { outcome: "already_synced", owed: null };
  const [owed] = await tx
    .insert(owedAutoSyncs)
    .values({ webhookId, storeId: store.id, resourceType, shopifyId })
    .returning();
  return { outcome: "owed", owed: owed! };
}

/**
 * Asks for an owed sync (after the delivery commits, or from the sweep) and settles the entry: asked
 * for, or refused for good (automatic sync turned off, the store disconnected, no Odoo connection),
 * said in the log. A database failure keeps it for the next sweep; nothing here throws, so the
 * delivery is never failed by it. Safe to call twice, at once too: the second request with the
 * delivery's key answers the first one's run.
 */
export async function queueOwedAutoSync({
  owed,
  store,
}: {
  owed: OwedAutoSync;
  store: Store;
}): Promise<OwedSyncOutcome> {
  const log = { storeId: store.id, webhookId: owed.webhookId, type: owed.resourceType };
  try {
    const refusal = await ask(owed, store);
    if (refusal) logger.info({ ...log, reason: refusal }, "automatic sync not queued");
    await db.delete(owedAutoSyncs).where(eq(owedAutoSyncs.webhookId, owed.webhookId));
    return refusal ? "refused" : "queued";
  } catch (error) {
    logger.error({ err: error, ...log }, "automatic sync could not be queued; the sweep asks again");
    return "kept";
  }
}

/** Null once asked for; else why it never can be. */
async function ask(owed: OwedAutoSync, store: Store): Promise<string | null> {
  if (!store.autoSync) return "automatic sync is off";
  if (store.status !== "connected") return "the store is not connected";
  try {
    await requestOdooSync({
      storeId: store.id,
      organizationId: store.organizationId,
      actor: null,
      request: { scope: "selected", type: apiType(owed.resourceType), shopifyIds: [owed.shopifyId] },
      idempotencyKey: `webhook:${owed.webhookId}`,
      trigger: "webhook",
    });
    return null;
  } catch (error) {
    // No Odoo connection, or the store just lost its connection: asking again would be refused again.
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

const apiType = (resource: ResourceType) => ODOO_SYNC_TYPES.find((type) => ODOO_SYNC_TYPE_RESOURCE[type] === resource)!;
