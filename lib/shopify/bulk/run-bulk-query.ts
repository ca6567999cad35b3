// Runs a bulk query (bulkOperationRunQuery → poll → download) and yields its JSONL objects. A
// query with no results has no file (url null) and yields nothing.
import { assertNoUserErrors } from "@/lib/shopify/client/assert-no-user-errors";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import type { ShopifyUserError } from "@/lib/shopify/client/errors";
import { waitForBulkOperation, type WaitOptions } from "./bulk-operation";
import { readJsonl } from "./read-jsonl";

const RUN_QUERY = `#graphql
  mutation SyncBulkOperationRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query) {
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
  options: WaitOptions = {},
): AsyncGenerator<Record<string, unknown>> {
  const id = await submitBulkQuery(client, query, options);
  const finished = await waitForBulkOperation(client, id, options);
  if (!finished.url) return;
  yield* readJsonl(finished.url, { signal: options.signal });
}

/** Starts a bulk query; returns its id without waiting. */
export async function submitBulkQuery(
  client: ShopifyClient,
  query: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<string> {
  const { data } = await client.request(RUN_QUERY, { variables: { query }, signal });
  const { bulkOperation } = assertNoUserErrors<RunQueryPayload>(data, "bulkOperationRunQuery", {
    shopDomain: client.shopDomain,
  });
  return bulkOperation!.id;
}
