// Subscribes a freshly connected store to the webhooks the product listens to: the uninstall, and
// product/customer/order changes for the sync index; and removes them when the store is disconnected. Subscriptions that already exist for our
// address are left alone, so connecting again is harmless. The compliance topics are not API
// subscriptions: Shopify takes them from the app's configuration (see docs/decisions.md).
import "server-only";
import { logger } from "@/lib/logger";
import { appUrl } from "@/lib/runtime/app-url";
import { assertNoUserErrors } from "@/lib/shopify/client/assert-no-user-errors";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";

export const WEBHOOK_TOPICS = [
  "APP_UNINSTALLED",
  "PRODUCTS_CREATE",
  "PRODUCTS_UPDATE",
  "PRODUCTS_DELETE",
  "CUSTOMERS_CREATE",
  "CUSTOMERS_UPDATE",
  "CUSTOMERS_DELETE",
  "ORDERS_CREATE",
  "ORDERS_UPDATED",
  "ORDERS_DELETE",
] as const;

const EXISTING_SUBSCRIPTIONS = `#graphql
  query StoreWebhookSubscriptions($uri: String) {
    webhookSubscriptions(first: 50, uri: $uri) {
      nodes {
        id
        topic
      }
    }
  }
`;

const CREATE_SUBSCRIPTION = `#graphql
  mutation StoreWebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
      webhookSubscription {
        id
        topic
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const DELETE_SUBSCRIPTION = `#graphql
  mutation StoreWebhookSubscriptionDelete($id: ID!) {
    webhookSubscriptionDelete(id: $id) {
      deletedWebhookSubscriptionId
      userErrors {
        field
        message
      }
    }
  }
`;

export const webhookCallbackUrl = () => `${appUrl()}/api/webhooks/shopify`;

/** Creates the missing subscriptions; returns the topics subscribed now (created or found). */
export async function registerStoreWebhooks({
  client,
}: {
  client: ShopifyClient;
}): Promise<{ topics: string[]; created: string[] }> {
  const uri = webhookCallbackUrl();
  const existing = await client.request<{ webhookSubscriptions: { nodes: { id: string; topic: string }[] } }>(
    EXISTING_SUBSCRIPTIONS,
    {
      variables: { uri },
    },
  );
  const have = new Set(existing.data.webhookSubscriptions.nodes.map((node) => node.topic));
  const created: string[] = [];
  for (const topic of WEBHOOK_TOPICS.filter((t) => !have.has(t))) {
    const { data } = await client.request(CREATE_SUBSCRIPTION, {
      variables: { topic, webhookSubscription: { uri, format: "JSON" } },
    });
    assertNoUserErrors(data, "webhookSubscriptionCreate", { shopDomain: client.shopDomain });
    created.push(topic);
  }
  logger.info({ shop: client.shopDomain, created }, "webhook subscriptions in place");
  return { topics: [...WEBHOOK_TOPICS], created };
}

/** Removes every subscription pointing at our address (on disconnect, so Shopify stops sending). */
export async function unregisterStoreWebhooks({ client }: { client: ShopifyClient }): Promise<{ deleted: number }> {
  const existing = await client.request<{ webhookSubscriptions: { nodes: { id: string }[] } }>(EXISTING_SUBSCRIPTIONS, {
    variables: { uri: webhookCallbackUrl() },
  });
  for (const { id } of existing.data.webhookSubscriptions.nodes) {
    const { data } = await client.request(DELETE_SUBSCRIPTION, { variables: { id } });
    assertNoUserErrors(data, "webhookSubscriptionDelete", { shopDomain: client.shopDomain });
  }
  return { deleted: existing.data.webhookSubscriptions.nodes.length };
}
