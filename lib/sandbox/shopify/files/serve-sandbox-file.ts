// GET …/files/{key}/{name}: a bulk operation's JSONL result, streamed from its chunks. The random
// key in the URL is the credential, as with Shopify's signed storage URLs; results expire with
// the file (a week).
import { and, eq } from "drizzle-orm";
import { sandboxShopifyFiles } from "@/db/schema/sandbox-shopify-bulk";
import type { SandboxDb } from "../sandbox-db";
import { xmlError } from "../sandbox-responses";
import { readSandboxFileChunks } from "./sandbox-file-store";

export async function serveSandboxFile(
  req: Request,
  { db, key, filename }: { db: SandboxDb; key: string; filename: string },
): Promise<Response> {
  if (req.method !== "GET" && req.method !== "HEAD")
    return xmlError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
  const [file] = await db
    .select()
    .from(sandboxShopifyFiles)
    .where(and(eq(sandboxShopifyFiles.key, key), eq(sandboxShopifyFiles.purpose, "bulk_result")));
  if (!file || file.filename !== filename) return xmlError(404, "NoSuchKey", "The specified key does not exist.");
  if (file.expiresAt.getTime() < Date.now()) return xmlError(400, "ExpiredToken", "The provided token has expired.");

  const headers = {
    "content-type": file.contentType,
    "content-length": String(file.size),
    "content-disposition": `attachment; filename="${file.filename}"`,
  };
  if (req.method === "HEAD") return new Response(null, { status: 200, headers });
  const chunks = readSandboxFileChunks({ db, fileId: file.id });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { status: 200, headers });
}
