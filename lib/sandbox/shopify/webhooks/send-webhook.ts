// One HTTP POST of a delivery, with the headers Shopify sends.
import type { SandboxWebhookDelivery } from "@/db/schema/sandbox-shopify-webhooks";

export type SendResult = { ok: boolean; status: number | null; error: string | null };

export async function sendWebhook(delivery: SandboxWebhookDelivery): Promise<SendResult> {
  try {
    const response = await fetch(delivery.uri, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(delivery.timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Shopify-Captain-Hook",
        "x-shopify-topic": delivery.topic,
        "x-shopify-hmac-sha256": delivery.hmac,
        "x-shopify-shop-domain": delivery.shopDomain,
        "x-shopify-webhook-id": delivery.webhookId,
        "x-shopify-event-id": delivery.eventId,
        "x-shopify-api-version": delivery.apiVersion,
        "x-shopify-triggered-at": delivery.triggeredAt.toISOString(),
      },
      body: delivery.body,
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return {
      ok: false,
      status: null,
      error: timedOut ? `timed out after ${delivery.timeoutMs} ms` : String((error as Error).cause ?? error),
    };
  }
}
