// Files kept in PostgreSQL as ordered chunks (sandbox_shopify_file_chunks). Writers append a
// chunk per step inside the caller's transaction, so a chunk and the progress it stands for
// commit together; readers fetch a few chunks at a time, so neither side holds a whole file.
import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import {
  sandboxShopifyFileChunks,
  sandboxShopifyFiles,
  type SandboxFile,
  type SandboxFilePurpose,
} from "@/db/schema/sandbox-shopify-bulk";
import type { SandboxDb } from "../sandbox-db";

/** Shopify keeps results and staged uploads for a week; so does the sandbox. */
export const SANDBOX_FILE_TTL_MS = 7 * 24 * 3600 * 1000;

export type CreateSandboxFileOptions = {
  db: SandboxDb;
  shopId: number;
  purpose: SandboxFilePurpose;
  filename: string;
  contentType: string;
  /** Defaults to a random token, which also makes the download URL unguessable. */
  key?: string;
};

export async function createSandboxFile({
  db,
  shopId,
  purpose,
  filename,
  contentType,
  key,
}: CreateSandboxFileOptions): Promise<SandboxFile> {
  const [file] = await db
    .insert(sandboxShopifyFiles)
    .values({
      shopId,
      purpose,
      key: key ?? randomBytes(20).toString("hex"),
      filename,
      contentType,
      signature: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + SANDBOX_FILE_TTL_MS),
    })
    .returning();
  return file!;
}

/** Appends one chunk after the file's last one and keeps size and count in step. */
export async function appendSandboxFileChunk(
  db: SandboxDb,
  { fileId, data }: { fileId: number; data: Buffer },
): Promise<void> {
  if (data.length === 0) return;
  const [file] = await db
    .update(sandboxShopifyFiles)
    .set({
      size: sql`${sandboxShopifyFiles.size} + ${data.length}`,
      chunkCount: sql`${sandboxShopifyFiles.chunkCount} + 1`,
    })
    .where(eq(sandboxShopifyFiles.id, fileId))
    .returning({ seq: sql<number>`${sandboxShopifyFiles.chunkCount} - 1` });
  if (!file) throw new Error(`sandbox file ${fileId} does not exist`);
  await db.insert(sandboxShopifyFileChunks).values({ fileId, seq: file.seq, data });
}

/** Empties a file (a staged upload sent again before any operation used it). */
export async function truncateSandboxFile(db: SandboxDb, fileId: number): Promise<void> {
  await db.delete(sandboxShopifyFileChunks).where(eq(sandboxShopifyFileChunks.fileId, fileId));
  await db
    .update(sandboxShopifyFiles)
    .set({ size: 0, chunkCount: 0, uploadedAt: null })
    .where(eq(sandboxShopifyFiles.id, fileId));
}

/** The file's chunks in order, a few rows per query. */
export async function* readSandboxFileChunks({
  db,
  fileId,
  batch = 8,
}: {
  db: SandboxDb;
  fileId: number;
  batch?: number;
}): AsyncGenerator<Buffer> {
  for (let next = 0; ;) {
    const rows = await db
      .select({ seq: sandboxShopifyFileChunks.seq, data: sandboxShopifyFileChunks.data })
      .from(sandboxShopifyFileChunks)
      .where(and(eq(sandboxShopifyFileChunks.fileId, fileId), gte(sandboxShopifyFileChunks.seq, next)))
      .orderBy(asc(sandboxShopifyFileChunks.seq))
      .limit(batch);
    for (const row of rows) yield row.data;
    if (rows.length < batch) return;
    next = rows.at(-1)!.seq + 1;
  }
}

/** The file's lines (without their line break), with their zero-based numbers. */
export async function* readSandboxFileLines({
  db,
  fileId,
}: {
  db: SandboxDb;
  fileId: number;
}): AsyncGenerator<{ number: number; text: string }> {
  let pending: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of readSandboxFileChunks({ db, fileId })) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let end = pending.indexOf(10, start); end !== -1; end = pending.indexOf(10, start)) {
      yield { number: number++, text: pending.toString("utf8", start, end).replace(/\r$/, "") };
      start = end + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length) yield { number, text: pending.toString("utf8").replace(/\r$/, "") };
}
