// The background deliverer, one per process: claims due deliveries (FOR UPDATE SKIP LOCKED, then
// a lock that outlasts the send's timeout) so any number of processes share the outbox, posts
// them, and records the outcome. A non-2xx answer or a timeout is retried after the row's next
// wait; once the waits are used up the delivery is failed. A delivery marked "send twice" is
// posted again after its first success, with the same webhook id.
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  sandboxShopifyWebhookDeliveries as deliveries,
  type SandboxWebhookDelivery,
} from "@/db/schema/sandbox-shopify-webhooks";
import type { SandboxDb } from "../sandbox-db";
import { sendWebhook, type SendResult } from "./send-webhook";

export type WebhookDeliverer = { kick: () => void; stop: () => Promise<void> };

const DUPLICATE_AFTER_MS = 50;

export function startWebhookDeliverer({
  db,
  pollMs = 200,
  batch = 25,
}: {
  db: SandboxDb;
  pollMs?: number;
  batch?: number;
}): WebhookDeliverer {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) return schedule(pollMs);
      running = drain().finally(() => {
        running = null;
        schedule(pollMs);
      });
    }, delay);
    timer.unref();
  };

  const drain = async () => {
    try {
      for (let claimed = await claim(db, batch); claimed.length && !stopped; claimed = await claim(db, batch)) {
        await Promise.all(claimed.map(async (delivery) => record(db, delivery, await sendWebhook(delivery))));
      }
    } catch (error) {
      if (!stopped) console.error("[sandbox-shopify] webhook deliverer", error);
    }
  };

  schedule(0);
  return {
    kick: () => schedule(25),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

async function claim(db: SandboxDb, batch: number): Promise<SandboxWebhookDelivery[]> {
  const result = await db.execute<{ id: number }>(sql`
    with due as (
      select id from sandbox_shopify_webhook_deliveries
      where status = 'pending' and next_attempt_at <= clock_timestamp() and (locked_until is null or locked_until < clock_timestamp())
      order by next_attempt_at limit ${batch} for update skip locked
    )
    update sandbox_shopify_webhook_deliveries as d
    set locked_until = clock_timestamp() + (d.timeout_ms + 5000) * interval '1 millisecond'
    from due where d.id = due.id
    returning d.id`);
  const ids = result.rows.map((row) => Number(row.id));
  if (ids.length === 0) return [];
  return db.select().from(deliveries).where(inArray(deliveries.id, ids));
}

async function record(db: SandboxDb, delivery: SandboxWebhookDelivery, result: SendResult): Promise<void> {
  const attempts = delivery.attempts + 1;
  const base = { attempts, lockedUntil: null, lastResponseStatus: result.status, lastError: result.error };
  const mine = and(eq(deliveries.id, delivery.id), eq(deliveries.status, "pending"));
  if (result.ok) {
    const sends = delivery.successfulSends + 1;
    const again = delivery.sendTwice && sends === 1;
    await db
      .update(deliveries)
      .set({
        ...base,
        successfulSends: sends,
        ...(again
          ? { nextAttemptAt: new Date(Date.now() + DUPLICATE_AFTER_MS) }
          : { status: "delivered" as const, deliveredAt: new Date() }),
      })
      .where(mine);
    return;
  }
  const failures = attempts - delivery.successfulSends;
  const wait = delivery.retryDelaysMs[failures - 1];
  await db
    .update(deliveries)
    .set(wait === undefined ? { ...base, status: "failed" } : { ...base, nextAttemptAt: new Date(Date.now() + wait) })
    .where(mine);
}
