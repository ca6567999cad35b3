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

export async function* runBulkQuery(
  client: ShopifyClient,
  query: string,
  { groupObjects = false, ...options }: WaitOptions & { groupObjects?: boolean } = {},
): AsyncGenerator<Record<string, unknown>> {
  const id = await submitBulkQuery(client, query, { signal: options.signal, groupObjects });
  const finished = await waitForBulkOperation(client, id, options);
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
