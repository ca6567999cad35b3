// Product, customer and order webhooks applied to the index inside the delivery's transaction (so
// a repeated delivery, already recorded, changes nothing). Creates and updates are newest-wins
// upserts; a delete removes the item and leaves a tombstone, so a late or retried create/update
// of that item — or an import that read it before the delete — does not bring it back.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/handle";
import type { Store } from "@/db/schema/stores";
import { lockStoreSync } from "@/db/store-lock";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { rowFromWebhook } from "./index-rows";
import { upsertIndexItems } from "./upsert-index-items";

const TOPIC = /^(products|customers|orders)\/(create|update|updated|delete)$/;
const TYPES: Record<string, ResourceType> = { products: "product", customers: "customer", orders: "order" };

export const isIndexTopic = (topic: string) => TOPIC.test(topic);

export type IndexWebhookOutcome = "applied" | "ignored";

export async function applyIndexWebhook(
  tx: Db,
  { topic, store, payload }: { topic: string; store: Store | null; payload: Record<string, unknown> },
): Promise<IndexWebhookOutcome> {
  const match = TOPIC.exec(topic);
  if (!match || !store || store.status === "disconnected") return "ignored";
  const type = TYPES[match[1]!]!;
  await lockStoreSync(tx, store.id);
  if (match[2] === "delete") {
    const id = Number(payload.id);
    if (!Number.isSafeInteger(id) || id <= 0) return "ignored";
    await tx.execute(sql`
      insert into shopify_index_tombstones (store_id, resource_type, shopify_id) values (${store.id}, ${type}, ${id})
      on conflict (store_id, resource_type, shopify_id) do nothing`);
    await tx.execute(
      sql`delete from shopify_index_items where store_id = ${store.id} and resource_type = ${type} and shopify_id = ${id}`,
    );
    return "applied";
  }
  const row = rowFromWebhook(type, payload);
  if (!row) return "ignored";
  await upsertIndexItems({ tx, storeId: store.id, type, rows: [row], mode: "webhook" });
  return "applied";
}
