// POST …/staged-uploads: the multipart upload a stagedUploadsCreate target describes. Checks the
// target's key and signature, streams the file into the sandbox's file store in one transaction
// (an interrupted upload leaves nothing behind) and answers like Google Cloud Storage: 201 with a
// PostResponse document when success_action_status is 201, else 204.
import { and, eq } from "drizzle-orm";
import { sandboxShopifyFiles } from "@/db/schema/sandbox-shopify-bulk";
import { appendSandboxFileChunk, truncateSandboxFile } from "../files/sandbox-file-store";
import type { SandboxDb } from "../sandbox-db";
import { escapeXml, xmlError, xmlResponse } from "../sandbox-responses";
import { multipartBoundary, MultipartError, readMultipartUpload } from "./read-multipart-upload";
import { MAX_STAGED_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from "./staged-upload-limits";

class UploadRefused extends Error {
  constructor(readonly response: Response) {
    super("upload refused");
  }
}

export async function receiveStagedUpload(req: Request, { db }: { db: SandboxDb }): Promise<Response> {
  if (req.method !== "POST")
    return xmlError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
  const boundary = multipartBoundary(req.headers.get("content-type"));
  if (!boundary || !req.body) return xmlError(400, "InvalidArgument", "A multipart/form-data body is required.");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_STAGED_UPLOAD_BYTES + 64 * 1024)
    return xmlError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");

  const fields = new Map<string, string>();
  try {
    const stored = await db.transaction(async (tx) => {
      let file: typeof sandboxShopifyFiles.$inferSelect | undefined;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let size = 0;
      const flush = async () => {
        if (!pendingBytes) return;
        await appendSandboxFileChunk(tx, { fileId: file!.id, data: Buffer.concat(pending) });
        pending = [];
        pendingBytes = 0;
      };
      for await (const event of readMultipartUpload(req.body as unknown as AsyncIterable<Uint8Array>, boundary)) {
        if (event.type === "field") fields.set(event.name, event.value);
        else if (event.type === "file") {
          if (event.name !== "file")
            throw new UploadRefused(xmlError(400, "InvalidArgument", "The file field must be named 'file'."));
          file = await claimTarget(tx, fields);
        } else {
          size += event.chunk.length;
          if (size > MAX_STAGED_UPLOAD_BYTES)
            throw new UploadRefused(
              xmlError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size."),
            );
          pending.push(event.chunk);
          pendingBytes += event.chunk.length;
          if (pendingBytes >= UPLOAD_CHUNK_BYTES) await flush();
        }
      }
      if (!file) throw new UploadRefused(xmlError(400, "InvalidArgument", "The upload has no file field."));
      await flush();
      if (size === 0)
        throw new UploadRefused(
          xmlError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size."),
        );
      await tx.update(sandboxShopifyFiles).set({ uploadedAt: new Date() }).where(eq(sandboxShopifyFiles.id, file.id));
      return file;
    });
    if (fields.get("success_action_status") !== "201") return new Response(null, { status: 204 });
    const location = new URL(req.url);
    location.pathname = `${location.pathname}/${stored.key}`;
    return xmlResponse(
      201,
      `<PostResponse><Location>${escapeXml(location.toString())}</Location><Bucket>sandbox-staged-uploads</Bucket>` +
        `<Key>${escapeXml(stored.key)}</Key><ETag>"${stored.signature.slice(0, 32)}"</ETag></PostResponse>`,
    );
  } catch (error) {
    if (error instanceof UploadRefused) return error.response;
    if (error instanceof MultipartError) return xmlError(400, "InvalidArgument", error.message);
    throw error;
  }
}

// The key and signature fields must name a staged upload target that no operation has taken yet.
async function claimTarget(tx: SandboxDb, fields: Map<string, string>) {
  const key = fields.get("key");
  const [file] = key
    ? await tx
        .select()
        .from(sandboxShopifyFiles)
        .where(and(eq(sandboxShopifyFiles.key, key), eq(sandboxShopifyFiles.purpose, "staged_upload")))
        .for("update")
    : [];
  if (!file || file.signature !== fields.get("x-goog-signature") || file.expiresAt.getTime() < Date.now()) {
    throw new UploadRefused(xmlError(403, "AccessDenied", "Access denied. The signature or key is not valid."));
  }
  if (file.consumedAt)
    throw new UploadRefused(
      xmlError(409, "Conflict", "This upload is in use by a bulk operation and cannot be replaced."),
    );
  const contentType = fields.get("Content-Type") ?? fields.get("content-type");
  if (contentType !== undefined && contentType !== file.contentType) {
    throw new UploadRefused(
      xmlError(
        403,
        "AccessDenied",
        'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "' + file.contentType + '"]',
      ),
    );
  }
  // A retried upload replaces the bytes of an earlier attempt.
  await truncateSandboxFile(tx, file.id);
  return file;
}
