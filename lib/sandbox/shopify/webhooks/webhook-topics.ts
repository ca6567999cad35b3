// The webhook topics the sandbox sends, by their GraphQL enum value and their REST name (the
// X-Shopify-Topic header), and how deliveries are paced by default.
import type { SandboxTopic } from "../on-sandbox-change";

export const WEBHOOK_TOPICS = {
  APP_UNINSTALLED: "app/uninstalled",
  BULK_OPERATIONS_FINISH: "bulk_operations/finish",
  CUSTOMERS_CREATE: "customers/create",
  CUSTOMERS_DELETE: "customers/delete",
  CUSTOMERS_UPDATE: "customers/update",
  ORDERS_CREATE: "orders/create",
  ORDERS_DELETE: "orders/delete",
  ORDERS_UPDATED: "orders/updated",
  PRODUCTS_CREATE: "products/create",
  PRODUCTS_DELETE: "products/delete",
  PRODUCTS_UPDATE: "products/update",
} as const satisfies Record<string, SandboxTopic>;

export type WebhookTopicEnum = keyof typeof WEBHOOK_TOPICS;

export const TOPIC_ENUM_BY_NAME = Object.fromEntries(
  Object.entries(WEBHOOK_TOPICS).map(([key, name]) => [name, key]),
) as Record<SandboxTopic, WebhookTopicEnum>;

const numbers = (text: string | undefined) =>
  text
    ?.split(",")
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);

/**
 * Shopify retries a failed delivery 8 times over 4 hours with exponential backoff; these waits add
 * up to 4 hours. SANDBOX_SHOPIFY_WEBHOOK_RETRY_DELAYS_MS (comma-separated) or a shop's faults
 * (`webhooks.retryDelaysMs`) replace them, e.g. for fast tests.
 */
export const DEFAULT_RETRY_DELAYS_MS = numbers(process.env.SANDBOX_SHOPIFY_WEBHOOK_RETRY_DELAYS_MS) ?? [
  60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 7_020_000,
];

/** Shopify gives a receiver 5 seconds. */
export const DEFAULT_TIMEOUT_MS = Number(process.env.SANDBOX_SHOPIFY_WEBHOOK_TIMEOUT_MS ?? 5000);

/** Share of deliveries sent twice on purpose, so receivers have to deduplicate. */
export const DEFAULT_DUPLICATE_RATE = Number(process.env.SANDBOX_SHOPIFY_WEBHOOK_DUPLICATE_RATE ?? 0.02);
