// Reads a JSONL result file (a bulk operation's `url`) line by line, so a file of a million objects
// never sits in memory. The file is downloaded whole to a temporary file first, then read from
// disk: a reader that writes each batch to the database may take minutes over a large export, and
// a server that sees its connection idle that long may cut it (an app server's keep-alive timeout
// did, near the end of a 300k-order export, over and over). The download itself runs at network
// speed. The URL is the credential: no token is sent.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export async function* readJsonl(
  url: string,
  { signal }: { signal?: AbortSignal } = {},
): AsyncGenerator<Record<string, unknown>> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body)
    throw new Error(`downloading bulk operation results failed: HTTP ${response.status}`);
  const dir = await mkdtemp(path.join(tmpdir(), "synco-bulk-"));
  try {
    const file = path.join(dir, "result.jsonl");
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream), createWriteStream(file), { signal });
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      signal?.throwIfAborted();
      if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
