// Connected Shopify stores (real or sandbox), the OAuth handshakes in flight and the webhook
// deliveries already handled. Credentials are only ever stored encrypted (lib/crypto), bound to
// the store id; a disconnected store keeps its row (and its audit trail) without credentials.
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { ClearStrategySetting } from "@/lib/vocabulary/clear";
import type { ConnectionMethod, SandboxSize, StoreKind, StoreStatus } from "@/lib/vocabulary/stores";
import { organization, user } from "./auth";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const stores = pgTable(
  "stores",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    shopDomain: text("shop_domain").notNull(),
    kind: text("kind").$type<StoreKind>().notNull(),
    // Set by every connect path: a token store gets a new token pasted, an OAuth store re-authorised.
    connectionMethod: text("connection_method").$type<ConnectionMethod>().notNull(),
    name: text("name").notNull(),
    apiVersion: text("api_version").notNull(),
    metafieldNamespace: text("metafield_namespace").notNull().default("synco"),
    // Namespaces the store used before the current one, oldest first: a clear covers every one.
    previousNamespaces: text("previous_namespaces")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Keys of earlier Synco installs (`namespace.key`) a clear deletes too; editable per store.
    clearLegacyKeys: text("clear_legacy_keys")
      .array()
      .notNull()
      .default(sql`'{custom.odoo_id,custom.invoice_id}'::text[]`),
    clearStrategy: text("clear_strategy").$type<ClearStrategySetting>().notNull().default("auto"),
    // AES-256-GCM of the JSON credentials (token, refresh token, expiries, scopes, sandbox secret).
    credentialsCiphertext: text("credentials_ciphertext"),
    credentialsKeyId: text("credentials_key_id"),
    status: text("status").$type<StoreStatus>().notNull().default("connected"),
    // Sandbox stores only: the size asked for (how far seeding got is its `seed` operation run).
    sandboxSize: text("sandbox_size").$type<SandboxSize>(),
    syncPaused: boolean("sync_paused").notNull().default(false),
    // Product, customer and order webhooks queue a sync of their item to Odoo (off until turned on).
    autoSync: boolean("auto_sync").notNull().default(false),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    connectedAt: instant("connected_at"),
    disconnectedAt: instant("disconnected_at"),
    lastActivityAt: instant("last_activity_at"),
  },
  (t) => [
    index("stores_organization_idx").on(t.organizationId, t.createdAt),
    // One live connection per shop in the whole product; disconnected rows may repeat.
    uniqueIndex("stores_live_shop_domain_idx")
      .on(t.shopDomain)
      .where(sql`status <> 'disconnected'`),
  ],
);
export type Store = typeof stores.$inferSelect;
export type NewStore = typeof stores.$inferInsert;

/** One row per OAuth handshake started; deleted when the callback uses it (single use). */
export const shopifyOauthStates = pgTable(
  "shopify_oauth_states",
  {
    // SHA-256 of the state sent to Shopify, so a database read does not yield usable states.
    stateHash: text("state_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sessionId: text("session_id").notNull(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    shopDomain: text("shop_domain").notNull(),
    // Set when re-authorising an existing store.
    storeId: text("store_id"),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("shopify_oauth_states_expires_idx").on(t.expiresAt)],
);
export type ShopifyOauthState = typeof shopifyOauthStates.$inferSelect;

/** Webhook deliveries already handled (Shopify sends some more than once); product, customer and order payloads kept a week (lib/webhooks/prune-webhook-events.ts). */
export const shopifyWebhookEvents = pgTable(
  "shopify_webhook_events",
  {
    webhookId: text("webhook_id").primaryKey(),
    topic: text("topic").notNull(),
    shopDomain: text("shop_domain").notNull(),
    storeId: text("store_id").references(() => stores.id, { onDelete: "cascade" }),
    eventId: text("event_id"),
    /** SHA-256 of the raw body: the same signed body under a new webhook id is the same delivery. */
    bodyHash: text("body_hash"),
    triggeredAt: instant("triggered_at"),
    receivedAt: instant("received_at").notNull().defaultNow(),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    processedAt: instant("processed_at"),
  },
  (t) => [
    index("shopify_webhook_events_shop_idx").on(t.shopDomain, t.receivedAt),
    index("shopify_webhook_events_pending_idx")
      .on(t.storeId, t.receivedAt)
      .where(sql`processed_at IS NULL`),
    // Retention (lib/webhooks/prune-webhook-events.ts): payloads still held, and every record, by age.
    index("shopify_webhook_events_payload_age_idx")
      .on(t.receivedAt)
      .where(sql`payload IS NOT NULL`),
    index("shopify_webhook_events_received_idx").on(t.receivedAt),
    // Deduplication beyond the delivery id (decision 14, threat model T6): Shopify's event id per
    // topic, and the signed body itself.
    uniqueIndex("shopify_webhook_events_event_uq").on(t.shopDomain, t.topic, t.eventId),
    uniqueIndex("shopify_webhook_events_body_uq").on(t.shopDomain, t.bodyHash),
  ],
);
export type ShopifyWebhookEvent = typeof shopifyWebhookEvents.$inferSelect;
