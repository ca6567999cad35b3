// The one place where sandbox data changes are announced. Every service that creates, updates or
// deletes a resource calls `onSandboxChange` inside its transaction, after the write. The webhook
// outbox (webhooks/record-webhook-deliveries.ts) listens and writes delivery rows with the same
// transaction, so a rolled-back change never sends a webhook.
import type { SandboxDb } from "./sandbox-db";
import { recordWebhookDeliveries } from "./webhooks/record-webhook-deliveries";

/** Shopify webhook topics for the changes the sandbox makes. */
export type SandboxTopic =
  | "products/create"
  | "products/update"
  | "products/delete"
  | "customers/create"
  | "customers/update"
  | "customers/delete"
  | "orders/create"
  | "orders/updated"
  | "orders/delete"
  | "app/uninstalled"
  | "bulk_operations/finish";

export type SandboxChange = {
  shopId: number;
  topic: SandboxTopic;
  /** REST-style webhook body: `id`, `admin_graphql_api_id` and the resource's main fields. */
  payload: Record<string, unknown>;
  /** The transaction that made the change. */
  tx: SandboxDb;
  /** Only this app installation hears of it (its own bulk operation, its own uninstall). */
  installationId?: number;
};

export type SandboxChangeListener = (change: SandboxChange) => Promise<void> | void;

const listeners = new Set<SandboxChangeListener>();

/** Registers a listener; returns a function that removes it. */
export function subscribeToSandboxChanges(listener: SandboxChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function onSandboxChange(change: SandboxChange): Promise<void> {
  // The outbox is not optional: every process that writes records its deliveries, server or not.
  await recordWebhookDeliveries(change);
  for (const listener of listeners) await listener(change);
}
