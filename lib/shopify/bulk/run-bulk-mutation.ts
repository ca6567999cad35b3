// Runs a mutation once per JSONL line in the background on Shopify: stagedUploadsCreate, the
// multipart upload to the target it returns, bulkOperationRunMutation, poll, then the result
// lines (`{"data":…,"__lineNumber":n}`, with "errors" when a line failed as a whole).
import { assertNoUserErrors } from "@/lib/shopify/client/assert-no-user-errors";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { ShopifyError, type ShopifyUserError } from "@/lib/shopify/client/errors";
import { waitForBulkOperation, type WaitOptions } from "./bulk-operation";
import { readJsonl } from "./read-jsonl";

const STAGED_UPLOADS_CREATE = `#graphql
  mutation SyncStagedUploadsCreate($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const RUN_MUTATION = `#graphql
  mutation SyncBulkOperationRunMutation($mutation: String!, $stagedUploadPath: String!) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath) {
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

type StagedPayload = {
  stagedTargets: { url: string; parameters: { name: string; value: string }[] }[] | null;
  userErrors: ShopifyUserError[];
};
type RunPayload = { bulkOperation: { id: string } | null; userErrors: ShopifyUserError[] };

export type BulkMutationResultLine = {
  lineNumber: number;
  data: Record<string, unknown> | null;
  errors: { message: string }[];
};

/** `lines` are each line's variables; returns the result lines in order of arrival. */
export async function* runBulkMutation(
  client: ShopifyClient,
  mutation: string,
  lines: unknown[],
  options: WaitOptions = {},
): AsyncGenerator<BulkMutationResultLine> {
  const id = await submitBulkMutation(client, mutation, lines, options);
  const finished = await waitForBulkOperation(client, id, options);
  if (!finished.url) return;
  yield* readBulkMutationResults(finished.url, options);
}

/** Uploads the lines and starts the bulk mutation; returns its id without waiting. */
export async function submitBulkMutation(
  client: ShopifyClient,
  mutation: string,
  lines: unknown[],
  { signal }: { signal?: AbortSignal } = {},
): Promise<string> {
  const body = lines.map((line) => JSON.stringify(line)).join("\n") + "\n";
  const staged = await client.request(STAGED_UPLOADS_CREATE, {
    variables: {
      input: [
        {
          resource: "BULK_MUTATION_VARIABLES",
          filename: "synco-bulk.jsonl",
          mimeType: "text/jsonl",
          httpMethod: "POST",
          fileSize: String(Buffer.byteLength(body)),
        },
      ],
    },
    signal,
  });
  const target = assertNoUserErrors<StagedPayload>(staged.data, "stagedUploadsCreate", {
    shopDomain: client.shopDomain,
  }).stagedTargets?.[0];
  const path = target?.parameters.find((parameter) => parameter.name === "key")?.value;
  if (!target || !path)
    throw new ShopifyError(`stagedUploadsCreate on ${client.shopDomain} returned no target`, {
      shopDomain: client.shopDomain,
    });
  await upload(target, body, client.shopDomain, signal);

  const run = await client.request(RUN_MUTATION, {
    variables: { mutation, stagedUploadPath: path },
    signal,
  });
  const { bulkOperation } = assertNoUserErrors<RunPayload>(run.data, "bulkOperationRunMutation", {
    shopDomain: client.shopDomain,
  });
  return bulkOperation!.id;
}

/** The result lines of a finished bulk mutation (its `url`), as they download. */
export async function* readBulkMutationResults(
  url: string,
  { signal }: { signal?: AbortSignal } = {},
): AsyncGenerator<BulkMutationResultLine> {
  for await (const line of readJsonl(url, { signal })) {
    yield {
      lineNumber: Number(line.__lineNumber),
      data: (line.data as Record<string, unknown> | null | undefined) ?? null,
      errors: (line.errors as { message: string }[] | undefined) ?? [],
    };
  }
}

// The target is a signed form POST (Google Cloud Storage on Shopify): its parameters, then the file.
async function upload(
  target: { url: string; parameters: { name: string; value: string }[] },
  body: string,
  shopDomain: string,
  signal?: AbortSignal,
) {
  const form = new FormData();
  for (const { name, value } of target.parameters) form.append(name, value);
  form.append("file", new Blob([body], { type: "text/jsonl" }), "synco-bulk.jsonl");
  const response = await fetch(target.url, { method: "POST", body: form, signal });
  if (!response.ok)
    throw new ShopifyError(`uploading bulk mutation variables for ${shopDomain} failed: HTTP ${response.status}`, {
      shopDomain,
    });
}
