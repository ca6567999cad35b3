// The one place where sandbox data changes are announced. Every service that creates, updates or
// deletes a resource calls `onSandboxChange` inside its transaction, after the write. Nothing
// listens yet: the webhook part of the sandbox registers a listener here (e.g. one that writes a
// delivery row in the same transaction, so a rolled-back change never sends a webhook).
import type { SandboxDb } from "./sandbox-db";

/** Shopify webhook topics for the changes the sandbox makes. */
export type SandboxTopic =
  | "products/create"
  | "products/update"
  | "products/delete"
  | "customers/create"
  | "customers/update"
  | "orders/create";

export type SandboxChange = {
  shopId: number;
  topic: SandboxTopic;
  /** REST-style webhook body: `id`, `admin_graphql_api_id` and the resource's main fields. */
  payload: Record<string, unknown>;
  /** The transaction that made the change. */
  tx: SandboxDb;
};

export type SandboxChangeListener = (change: SandboxChange) => Promise<void> | void;

const listeners = new Set<SandboxChangeListener>();

/** Registers a listener; returns a function that removes it. */
export function subscribeToSandboxChanges(listener: SandboxChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function onSandboxChange(change: SandboxChange): Promise<void> {
  for (const listener of listeners) await listener(change);
}
