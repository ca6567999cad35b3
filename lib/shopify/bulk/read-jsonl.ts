// Reads a JSONL result file (a bulk operation's `url`) line by line as it downloads, so a file of
// a million objects never sits in memory. The URL is the credential: no token is sent.
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export async function* readJsonl(
  url: string,
  { signal }: { signal?: AbortSignal } = {},
): AsyncGenerator<Record<string, unknown>> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body)
    throw new Error(`downloading bulk operation results failed: HTTP ${response.status}`);
  const lines = createInterface({ input: Readable.fromWeb(response.body as NodeReadableStream), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
  }
}
