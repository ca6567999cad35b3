// stagedUploadsCreate for BULK_MUTATION_VARIABLES: reserves a file and returns the URL and form
// parameters of a multipart POST to the sandbox's upload endpoint, shaped like Shopify's targets
// (Google Cloud Storage POST policy fields). The `key` parameter is the stagedUploadPath that
// bulkOperationRunMutation takes.
import { randomUUID } from "node:crypto";
import { createSandboxFile } from "../files/sandbox-file-store";
import type { SandboxDb } from "../sandbox-db";
import { MAX_STAGED_UPLOAD_BYTES } from "./staged-upload-limits";

export type StagedUploadInput = {
  filename: string;
  mimeType: string;
  resource: string;
  httpMethod?: string | null;
  fileSize?: string | null;
};

export type StagedTarget = { url: string; resourceUrl: string; parameters: { name: string; value: string }[] };
export type StagedUploadsResult = {
  stagedTargets: StagedTarget[] | null;
  userErrors: { field: string[]; message: string }[];
};

export type CreateStagedUploadsOptions = {
  db: SandboxDb;
  shopId: number;
  inputs: StagedUploadInput[];
  uploadUrl: string;
};

export async function createStagedUploads({
  db,
  shopId,
  inputs,
  uploadUrl,
}: CreateStagedUploadsOptions): Promise<StagedUploadsResult> {
  // The docs require POST, text/jsonl and at most 100 MB; these messages are best guesses.
  const userErrors = inputs.flatMap((input, index) => {
    const at = (field: string) => ["input", String(index), field];
    const errors: { field: string[]; message: string }[] = [];
    if (!input.filename.trim()) errors.push({ field: at("filename"), message: "Filename can't be blank" });
    if (input.mimeType !== "text/jsonl")
      errors.push({ field: at("mimeType"), message: "Mime type must be text/jsonl for bulk mutation variables" });
    if (input.httpMethod !== "POST")
      errors.push({ field: at("httpMethod"), message: "HTTP method must be POST for bulk mutation variables" });
    if (input.fileSize != null && Number(input.fileSize) > MAX_STAGED_UPLOAD_BYTES) {
      errors.push({
        field: at("fileSize"),
        message: `File size must be less than or equal to ${MAX_STAGED_UPLOAD_BYTES} bytes`,
      });
    }
    return errors;
  });
  if (userErrors.length) return { stagedTargets: null, userErrors };

  const stagedTargets: StagedTarget[] = [];
  for (const input of inputs) {
    const key = `tmp/${shopId}/bulk/${randomUUID()}/${input.filename.replace(/[^\w.-]/g, "_")}`;
    const file = await createSandboxFile({
      db,
      shopId,
      purpose: "staged_upload",
      key,
      filename: input.filename,
      contentType: input.mimeType,
    });
    const now = new Date();
    const date = now.toISOString().replace(/[-:]|\.\d{3}/g, "");
    const policy = {
      conditions: [
        { "Content-Type": input.mimeType },
        { success_action_status: "201" },
        { acl: "private" },
        ["content-length-range", 1, MAX_STAGED_UPLOAD_BYTES],
        { bucket: "sandbox-staged-uploads" },
        { key },
      ],
      expiration: file.expiresAt.toISOString(),
    };
    stagedTargets.push({
      url: uploadUrl,
      resourceUrl: `${uploadUrl}/${key}`,
      parameters: [
        { name: "key", value: key },
        { name: "Content-Type", value: input.mimeType },
        { name: "success_action_status", value: "201" },
        { name: "acl", value: "private" },
        { name: "policy", value: Buffer.from(JSON.stringify(policy)).toString("base64") },
        {
          name: "x-goog-credential",
          value: `sandbox-uploads@synco.invalid/${date.slice(0, 8)}/auto/storage/goog4_request`,
        },
        { name: "x-goog-algorithm", value: "GOOG4-HMAC-SHA256" },
        { name: "x-goog-date", value: date },
        { name: "x-goog-signature", value: file.signature },
      ],
    });
  }
  return { stagedTargets, userErrors: [] };
}
