// Retention of webhook deliveries (the `webhooks.prune` job, daily). A delivery's effect is applied
// in the transaction that records it (decision 14), so its payload — product, customer and order
// data, personal data among it — is kept only PAYLOAD_DAYS, to look into a bad week, then cleared.
// The record itself (webhook id, topic, shop, times) stops a repeated delivery from applying twice;
// Shopify retries for 48 hours at most, so it goes after RECORD_DAYS. Batches keep each statement
// short on a big table.
import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { logger } from "@/lib/logger";

export const PAYLOAD_DAYS = 7;
export const RECORD_DAYS = 30;
const BATCH = 5_000;

export async function pruneWebhookEvents({
  now = new Date(),
  batch = BATCH,
}: { now?: Date; batch?: number } = {}): Promise<{ payloadsCleared: number; recordsDeleted: number }> {
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  let payloadsCleared = 0;
  let recordsDeleted = 0;
  for (;;) {
    const { rowCount } = await db.execute(sql`
      update shopify_webhook_events set payload = null
      where webhook_id in (
        select webhook_id from shopify_webhook_events
        where payload is not null and received_at < ${days(PAYLOAD_DAYS)} limit ${batch})`);
    payloadsCleared += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) break;
  }
  for (;;) {
    const { rowCount } = await db.execute(sql`
      delete from shopify_webhook_events
      where webhook_id in (select webhook_id from shopify_webhook_events where received_at < ${days(RECORD_DAYS)} limit ${batch})`);
    recordsDeleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) break;
  }
  if (payloadsCleared || recordsDeleted) logger.info({ payloadsCleared, recordsDeleted }, "pruned webhook deliveries");
  return { payloadsCleared, recordsDeleted };
}
