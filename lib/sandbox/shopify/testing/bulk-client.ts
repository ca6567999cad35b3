// Test helpers for bulk operations, over real HTTP like an app would: wait for an operation to
// finish, read a JSONL result line by line, and upload a JSONL file through stagedUploadsCreate.
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { SandboxClient } from "./sandbox-client";

export type BulkOperationView = {
  id: string;
  status: string;
  type: string;
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  createdAt: string;
  completedAt: string | null;
};

export const BULK_OPERATION = `#graphql
  query BulkOperation($id: ID!) {
    bulkOperation(id: $id) { id status type errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt }
  }`;

const STAGED_UPLOADS_CREATE = `#graphql
  mutation Stage($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } }
  }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readBulkOperation(gql: SandboxClient, id: string): Promise<BulkOperationView> {
  const result = await gql<{ bulkOperation: BulkOperationView }>(BULK_OPERATION, { id });
  return result.body.data!.bulkOperation;
}

/** Polls until the operation leaves CREATED/RUNNING/CANCELING (or `until` says stop). */
export async function waitForBulkOperation(
  gql: SandboxClient,
  id: string,
  until?: (operation: BulkOperationView) => boolean,
): Promise<BulkOperationView> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const operation = await readBulkOperation(gql, id);
    if (until ? until(operation) : !["CREATED", "RUNNING", "CANCELING"].includes(operation.status)) return operation;
    await sleep(100);
  }
  throw new Error(`bulk operation ${id} did not finish`);
}

/** The JSONL at `url`, parsed line by line as it streams. */
export async function* readJsonl(url: string): AsyncGenerator<Record<string, unknown>> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`GET ${url}: ${response.status}`);
  const lines = createInterface({
    input: Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line) yield JSON.parse(line) as Record<string, unknown>;
}

/** stagedUploadsCreate + the multipart POST; returns the stagedUploadPath. */
export async function uploadJsonl(gql: SandboxClient, lines: unknown[]): Promise<string> {
  const staged = await gql<{
    stagedUploadsCreate: { stagedTargets: { url: string; parameters: { name: string; value: string }[] }[] };
  }>(STAGED_UPLOADS_CREATE, {
    input: [
      {
        resource: "BULK_MUTATION_VARIABLES",
        filename: "bulk_op_vars.jsonl",
        mimeType: "text/jsonl",
        httpMethod: "POST",
      },
    ],
  });
  const target = staged.body.data!.stagedUploadsCreate.stagedTargets[0]!;
  const form = new FormData();
  for (const { name, value } of target.parameters) form.append(name, value);
  form.append(
    "file",
    new Blob([lines.map((line) => JSON.stringify(line)).join("\n") + "\n"], { type: "text/jsonl" }),
    "bulk_op_vars.jsonl",
  );
  const response = await fetch(target.url, { method: "POST", body: form });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return target.parameters.find((parameter) => parameter.name === "key")!.value;
}
