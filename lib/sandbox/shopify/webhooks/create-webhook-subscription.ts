// webhookSubscriptionCreate for HTTP endpoints in JSON. Like Shopify: one subscription per app,
// topic and address; HTTPS addresses — plus, in the sandbox only, plain HTTP to this machine
// (localhost, 127.0.0.1, ::1) so local receivers and tests can listen. Pub/Sub, EventBridge and
// XML are not served by the sandbox and say so.
import {
  sandboxShopifyWebhookSubscriptions as subscriptions,
  type SandboxWebhookSubscription,
} from "@/db/schema/sandbox-shopify-webhooks";
import { isUniqueViolation } from "../pg-errors";
import { SANDBOX_SCHEMA_VERSION } from "../plans";
import type { SandboxDb } from "../sandbox-db";
import type { WebhookTopicEnum } from "./webhook-topics";

export type CreateWebhookSubscriptionOptions = {
  db: SandboxDb;
  shopId: number;
  installationId: number;
  topic: WebhookTopicEnum;
  uri?: string | null;
  format?: string | null;
};

type UserError = { field: string[]; message: string };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export async function createWebhookSubscription(
  options: CreateWebhookSubscriptionOptions,
): Promise<{ subscription: SandboxWebhookSubscription } | { userErrors: UserError[] }> {
  const field = ["webhookSubscription", "uri"];
  const uri = options.uri?.trim() ?? "";
  if (!uri) return { userErrors: [{ field, message: "Address can't be blank" }] };
  if (options.format === "XML")
    return {
      userErrors: [{ field: ["webhookSubscription", "format"], message: "The sandbox delivers JSON webhooks only" }],
    };
  if (/^(pubsub|arn):/i.test(uri))
    return { userErrors: [{ field, message: "The sandbox delivers to HTTP endpoints only" }] };
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { userErrors: [{ field, message: "Address is invalid" }] };
  }
  if (url.protocol === "http:" && !LOOPBACK.has(url.hostname))
    return { userErrors: [{ field, message: "Address protocol http:// is not supported" }] };
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { userErrors: [{ field, message: "Address is invalid" }] };
  try {
    const [subscription] = await options.db
      .insert(subscriptions)
      .values({
        shopId: options.shopId,
        installationId: options.installationId,
        topic: options.topic,
        uri,
        format: "JSON",
        apiVersion: SANDBOX_SCHEMA_VERSION,
      })
      .returning();
    return { subscription: subscription! };
  } catch (error) {
    if (isUniqueViolation(error))
      return { userErrors: [{ field, message: "Address for this topic has already been taken" }] };
    throw error;
  }
}
