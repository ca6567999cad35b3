// Webhooks of the sandbox Shopify store: subscriptions per app installation, and an outbox of
// deliveries written in the same transaction as the change they announce. A background deliverer
// (any number of processes, rows claimed with FOR UPDATE SKIP LOCKED) posts them and retries.
// Also the per-shop faults that tests switch on.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { sandboxShopifyAppInstallations, sandboxShopifyShops } from "./sandbox-shopify";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const shopId = () =>
  bigint("shop_id", { mode: "number" })
    .notNull()
    .references(() => sandboxShopifyShops.id, { onDelete: "cascade" });

export const sandboxShopifyWebhookSubscriptions = pgTable(
  "sandbox_shopify_webhook_subscriptions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shopId: shopId(),
    installationId: bigint("installation_id", { mode: "number" })
      .notNull()
      .references(() => sandboxShopifyAppInstallations.id, { onDelete: "cascade" }),
    // WebhookSubscriptionTopic enum value, e.g. PRODUCTS_CREATE.
    topic: text("topic").notNull(),
    uri: text("uri").notNull(),
    format: text("format").notNull().default("JSON"),
    apiVersion: text("api_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 0 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 0 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_shopify_webhook_subscriptions_uri_idx").on(t.installationId, t.topic, t.uri),
    index("sandbox_shopify_webhook_subscriptions_topic_idx").on(t.shopId, t.topic),
  ],
);
export type SandboxWebhookSubscription = typeof sandboxShopifyWebhookSubscriptions.$inferSelect;

export type SandboxDeliveryStatus = "pending" | "delivered" | "failed";

export const sandboxShopifyWebhookDeliveries = pgTable(
  "sandbox_shopify_webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shopId: shopId(),
    // Kept when the subscription goes (app/uninstalled is sent after its subscriptions are gone).
    subscriptionId: bigint("subscription_id", { mode: "number" }).references(
      () => sandboxShopifyWebhookSubscriptions.id,
      {
        onDelete: "set null",
      },
    ),
    appId: bigint("app_id", { mode: "number" }).notNull(),
    // Everything a send needs is frozen here: retries carry the original payload to the original address.
    topic: text("topic").notNull(),
    uri: text("uri").notNull(),
    shopDomain: text("shop_domain").notNull(),
    apiVersion: text("api_version").notNull(),
    webhookId: text("webhook_id").notNull().unique(),
    eventId: text("event_id").notNull(),
    triggeredAt: instant("triggered_at").notNull(),
    body: text("body").notNull(),
    hmac: text("hmac").notNull(),
    status: text("status").$type<SandboxDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    // Waits before each retry; its length is the number of retries.
    retryDelaysMs: integer("retry_delays_ms").array().notNull(),
    timeoutMs: integer("timeout_ms").notNull(),
    // Chosen when the row is written: the receiver gets this one twice, same webhook id.
    sendTwice: boolean("send_twice").notNull().default(false),
    successfulSends: integer("successful_sends").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lockedUntil: instant("locked_until"),
    lastResponseStatus: integer("last_response_status"),
    lastError: text("last_error"),
    deliveredAt: instant("delivered_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("sandbox_shopify_webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index("sandbox_shopify_webhook_deliveries_shop_idx").on(t.shopId, t.id),
  ],
);
export type SandboxWebhookDelivery = typeof sandboxShopifyWebhookDeliveries.$inferSelect;

/** Per-shop faults and delivery settings, set through the sandbox's admin API (see faults/). */
export const sandboxShopifyFaults = pgTable("sandbox_shopify_faults", {
  shopId: bigint("shop_id", { mode: "number" })
    .primaryKey()
    .references(() => sandboxShopifyShops.id, { onDelete: "cascade" }),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});
export type SandboxFaultsRow = typeof sandboxShopifyFaults.$inferSelect;
