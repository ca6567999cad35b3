// Waiting for a Shopify bulk operation (query or mutation) to finish: polls `bulkOperation(id)`
// with a growing interval (bulk operations take seconds to hours), through the cost-aware client.
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { ShopifyError } from "@/lib/shopify/client/errors";

export type BulkOperationView = {
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";
  errorCode: string | null;
  objectCount: string;
  url: string | null;
  partialDataUrl: string | null;
};

const BULK_OPERATION = `#graphql
  query SyncBulkOperation($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      url
      partialDataUrl
    }
  }
`;

/** A bulk operation that ended in anything but COMPLETED. */
export class BulkOperationFailedError extends ShopifyError {
  constructor(
    readonly operation: BulkOperationView,
    shopDomain: string,
  ) {
    super(
      `Shopify bulk operation ${operation.id} on ${shopDomain} ended ${operation.status}${operation.errorCode ? ` (${operation.errorCode})` : ""}`,
      { shopDomain },
    );
  }
}

export type WaitOptions = {
  signal?: AbortSignal;
  firstPollMs?: number;
  maxPollMs?: number;
  /** Hears each poll's answer (objectCount grows while Shopify works), the last one included. */
  onStatus?: (operation: BulkOperationView) => Promise<void> | void;
};

export async function waitForBulkOperation(
  client: ShopifyClient,
  id: string,
  { signal, firstPollMs = 250, maxPollMs = 5000, onStatus }: WaitOptions = {},
): Promise<BulkOperationView> {
  for (let delay = firstPollMs; ; delay = Math.min(maxPollMs, delay * 1.5)) {
    const { data } = await client.request<{ bulkOperation: BulkOperationView | null }>(BULK_OPERATION, {
      variables: { id },
      signal,
    });
    const operation = data.bulkOperation;
    if (!operation)
      throw new ShopifyError(`Shopify bulk operation ${id} on ${client.shopDomain} was not found`, {
        shopDomain: client.shopDomain,
      });
    await onStatus?.(operation);
    if (operation.status === "COMPLETED") return operation;
    if (!["CREATED", "RUNNING", "CANCELING"].includes(operation.status))
      throw new BulkOperationFailedError(operation, client.shopDomain);
    await new Promise((resolve) => setTimeout(resolve, delay));
    signal?.throwIfAborted();
  }
}

const BULK_OPERATIONS = `#graphql
  query SyncBulkOperations($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on BulkOperation {
        id
        status
        errorCode
        objectCount
        url
        partialDataUrl
      }
    }
  }
`;

/**
 * Waits for several bulk operations at once (up to five run together per shop from API 2026-01),
 * one `nodes` call per poll for all of them. Resolves with each operation as it ended, in the
 * order of `ids`; one that fails does not stop the others from being waited for.
 */
export async function waitForBulkOperations(
  client: ShopifyClient,
  ids: string[],
  { signal, firstPollMs = 250, maxPollMs = 5000, onStatus }: WaitOptions = {},
): Promise<BulkOperationView[]> {
  const ended = new Map<string, BulkOperationView>();
  for (let delay = firstPollMs; ; delay = Math.min(maxPollMs, delay * 1.5)) {
    const pending = ids.filter((id) => !ended.has(id));
    const { data } = await client.request<{ nodes: (BulkOperationView | null)[] }>(BULK_OPERATIONS, {
      variables: { ids: pending },
      signal,
    });
    pending.forEach((id, index) => {
      const operation = data.nodes[index];
      if (!operation)
        throw new ShopifyError(`Shopify bulk operation ${id} on ${client.shopDomain} was not found`, {
          shopDomain: client.shopDomain,
        });
      if (!["CREATED", "RUNNING", "CANCELING"].includes(operation.status)) ended.set(id, operation);
    });
    for (const operation of data.nodes) if (operation) await onStatus?.(operation);
    if (ended.size === ids.length) return ids.map((id) => ended.get(id)!);
    await new Promise((resolve) => setTimeout(resolve, delay));
    signal?.throwIfAborted();
  }
}
