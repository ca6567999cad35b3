// The outbox: for a change, one delivery row per matching subscription, written with the
// change's own transaction (a rolled-back change sends nothing). The row freezes everything a
// send needs — body, HMAC with the app's secret, address, ids — so retries and duplicates are
// byte-for-byte the same delivery.
import { createHmac, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  sandboxShopifyAppInstallations as installations,
  sandboxShopifyShops as shops,
} from "@/db/schema/sandbox-shopify";
import {
  sandboxShopifyFaults as faults,
  sandboxShopifyWebhookDeliveries as deliveries,
  sandboxShopifyWebhookSubscriptions as subscriptions,
} from "@/db/schema/sandbox-shopify-webhooks";
import type { SandboxFaults } from "../faults/sandbox-faults";
import type { SandboxChange } from "../on-sandbox-change";
import {
  DEFAULT_DUPLICATE_RATE,
  DEFAULT_RETRY_DELAYS_MS,
  DEFAULT_TIMEOUT_MS,
  TOPIC_ENUM_BY_NAME,
} from "./webhook-topics";
import { kickWebhookDeliverer } from "../workers/worker-kicks";

export async function recordWebhookDeliveries({
  shopId,
  topic,
  payload,
  tx,
  installationId,
}: SandboxChange): Promise<void> {
  const rows = await tx
    .select({
      subscription: subscriptions,
      secret: installations.apiSecret,
      appId: installations.appId,
      domain: shops.domain,
      faults: faults.settings,
    })
    .from(subscriptions)
    .innerJoin(installations, eq(installations.id, subscriptions.installationId))
    .innerJoin(shops, eq(shops.id, subscriptions.shopId))
    .leftJoin(faults, eq(faults.shopId, subscriptions.shopId))
    .where(
      and(
        eq(subscriptions.shopId, shopId),
        eq(subscriptions.topic, TOPIC_ENUM_BY_NAME[topic]),
        installationId === undefined ? undefined : eq(subscriptions.installationId, installationId),
      ),
    );
  if (rows.length === 0) return;
  const body = JSON.stringify(payload);
  const eventId = randomUUID();
  const triggeredAt = new Date();
  await tx.insert(deliveries).values(
    rows.map((row) => {
      const settings = (row.faults as SandboxFaults | null)?.webhooks ?? {};
      return {
        shopId,
        subscriptionId: row.subscription.id,
        appId: row.appId,
        topic,
        uri: row.subscription.uri,
        shopDomain: row.domain,
        apiVersion: row.subscription.apiVersion,
        webhookId: randomUUID(),
        eventId,
        triggeredAt,
        body,
        hmac: createHmac("sha256", row.secret).update(body, "utf8").digest("base64"),
        retryDelaysMs: settings.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
        timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        sendTwice: Math.random() < (settings.duplicateRate ?? DEFAULT_DUPLICATE_RATE),
        nextAttemptAt: triggeredAt,
      };
    }),
  );
  // The rows are visible once the change commits; the deliverer looks again shortly.
  kickWebhookDeliverer();
}
