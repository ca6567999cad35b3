// Webhook deliveries are not kept for ever: payloads go after a week, records after 30 days, and
// the job that does it is scheduled by every process that starts the queue.
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { shopifyWebhookEvents } from "@/db/schema/stores";
import { getBoss } from "@/lib/jobs/boss";
import { pruneWebhookEvents } from "./prune-webhook-events";

// Far in the past, so only this test's rows are old enough for a prune as of NOW.
const NOW = new Date("2001-02-15T12:00:00Z");
const day = (date: string) => new Date(`${date}T12:00:00Z`);

describe("webhook retention", () => {
  it("clears payloads older than 7 days and deletes records older than 30, in batches", async () => {
    const shop = `prune-${randomUUID().slice(0, 8)}.myshopify.com`;
    const rows = [
      { key: "month-old", receivedAt: day("2001-01-10"), payload: { id: 1, email: "old@example.com" } },
      { key: "two-weeks", receivedAt: day("2001-02-01"), payload: { id: 2, email: "two@example.com" } },
      { key: "two-weeks-second", receivedAt: day("2001-02-01"), payload: { id: 3, email: "three@example.com" } },
      { key: "yesterday", receivedAt: day("2001-02-14"), payload: { id: 4, email: "new@example.com" } },
      { key: "compliance", receivedAt: day("2001-02-01"), payload: null },
    ].map((row) => ({ ...row, webhookId: `${row.key}-${randomUUID()}` }));
    await db.insert(shopifyWebhookEvents).values(
      rows.map(({ webhookId, receivedAt, payload }) => ({
        webhookId,
        topic: "customers/update",
        shopDomain: shop,
        receivedAt,
        payload,
        processedAt: receivedAt,
      })),
    );

    expect(await pruneWebhookEvents({ now: NOW, batch: 2 })).toEqual({ payloadsCleared: 3, recordsDeleted: 1 });

    const left = await db
      .select()
      .from(shopifyWebhookEvents)
      .where(
        inArray(
          shopifyWebhookEvents.webhookId,
          rows.map((row) => row.webhookId),
        ),
      );
    const byKey = Object.fromEntries(
      rows.map((row) => [row.key, left.find((event) => event.webhookId === row.webhookId)]),
    );
    expect(byKey["month-old"]).toBeUndefined();
    expect(byKey["two-weeks"]).toMatchObject({ payload: null, topic: "customers/update" });
    expect(byKey["two-weeks-second"]).toMatchObject({ payload: null });
    expect(byKey["yesterday"]).toMatchObject({ payload: { id: 4, email: "new@example.com" } });
    expect(byKey["compliance"]).toMatchObject({ payload: null });

    // Nothing more to do the second time.
    expect(await pruneWebhookEvents({ now: NOW })).toEqual({ payloadsCleared: 0, recordsDeleted: 0 });
  });

  it("is scheduled daily when the queue starts", async () => {
    const schedules = await (await getBoss()).getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: "webhooks.prune", cron: "17 3 * * *", data: { v: 1, payload: {} } }),
    );
  });
});
