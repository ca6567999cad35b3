// Runs a bulk query (bulkOperationRunQuery → poll → download) and yields its JSONL objects. A
// query with no results has no file (url null) and yields nothing. Lines come ungrouped unless
// asked (Shopify's default since 2026-01): a child line may come before its parent's.
import { assertNoUserErrors } from "@/lib/shopify/client/assert-no-user-errors";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import type { ShopifyUserError } from "@/lib/shopify/client/errors";
import { waitForBulkOperation, type WaitOptions } from "./bulk-operation";
import { readJsonl } from "./read-jsonl";

const RUN_QUERY = `#graphql
  mutation SyncBulkOperationRunQuery($query: String!, $groupObjects: Boolean!) {
    bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

type RunQueryPayload = { bulkOperation: { id: string; status: string } | null; userErrors: ShopifyUserError[] };

export type RunBulkQueryOptions = WaitOptions & {
  groupObjects?: boolean;
  /** The operation, already submitted (bulkQueryPipeline); otherwise it is submitted here. */
  submitted?: Promise<string>;
  /** Shopify finished the export (before its file is read). */
  onExported?: () => void;
};

export async function* runBulkQuery(
  client: ShopifyClient,
  query: string,
  { groupObjects = false, submitted, onExported, ...options }: RunBulkQueryOptions = {},
): AsyncGenerator<Record<string, unknown>> {
  const id = await (submitted ?? submitBulkQuery(client, query, { signal: options.signal, groupObjects }));
  const finished = await waitForBulkOperation(client, id, options);
  onExported?.();
  if (!finished.url) return;
  yield* readJsonl(finished.url, { signal: options.signal });
}

/** Starts a bulk query; returns its id without waiting. */
export async function submitBulkQuery(
  client: ShopifyClient,
  query: string,
  { signal, groupObjects = false }: { signal?: AbortSignal; groupObjects?: boolean } = {},
): Promise<string> {
  const { data } = await client.request(RUN_QUERY, { variables: { query, groupObjects }, signal });
  const { bulkOperation } = assertNoUserErrors<RunQueryPayload>(data, "bulkOperationRunQuery", {
    shopDomain: client.shopDomain,
  });
  return bulkOperation!.id;
}

/**
 * Bulk queries read one after another, each export started on Shopify as soon as the one before
 * it is exported — so Shopify prepares the next file while this one is read and written. At most
 * two of them run at once (Shopify allows five per app and shop from API 2026-01). `run(i)` reads
 * the i-th query like runBulkQuery; a query whose turn never comes is never submitted.
 */
export function bulkQueryPipeline(
  client: ShopifyClient,
  queries: readonly string[],
  { signal, groupObjects = false }: { signal?: AbortSignal; groupObjects?: boolean } = {},
) {
  const submitted: Promise<string>[] = [];
  const submit = (index: number) => {
    if (index >= queries.length || submitted[index]) return submitted[index];
    const id = submitBulkQuery(client, queries[index]!, { signal, groupObjects });
    // Its reader awaits (and reports) a failure; until then it must not count as unhandled.
    id.catch(() => {});
    submitted[index] = id;
    return id;
  };
  return {
    run: (index: number, options: WaitOptions = {}) =>
      runBulkQuery(client, queries[index]!, {
        ...options,
        signal: options.signal ?? signal,
        groupObjects,
        submitted: submit(index),
        onExported: () => void submit(index + 1),
      }),
  };
}
