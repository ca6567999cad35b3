// A streaming reader for the multipart/form-data POST of a staged upload. Shopify (like Google
// Cloud Storage) requires the `file` field to come last, which lets this reader hand the file out
// in pieces as it arrives instead of buffering it: fields first, then the file's bytes.
export type MultipartEvent =
  | { type: "field"; name: string; value: string }
  | { type: "file"; name: string; filename: string; contentType: string | null }
  | { type: "data"; chunk: Buffer };

export class MultipartError extends Error {}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 64 * 1024;

export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) return null;
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? "").trim() || null : null;
}

export async function* readMultipartUpload(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
): AsyncGenerator<MultipartEvent> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // Prefixing CRLF lets the first boundary (which has none) match the same delimiter.
  let buffer: Buffer = CRLF;
  let state: "preamble" | "after-delimiter" | "headers" | "value" | "file" | "after-file" | "done" = "preamble";
  let part: { name: string; filename: string | null; contentType: string | null } | null = null;

  const take = (end: number, skip: number) => {
    const head = buffer.subarray(0, end);
    buffer = buffer.subarray(end + skip);
    return head;
  };

  for await (const piece of body) {
    buffer = buffer.length ? Buffer.concat([buffer, piece]) : Buffer.from(piece);
    for (;;) {
      if (state === "preamble" || state === "value") {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError("form field too large or boundary missing");
          break;
        }
        const head = take(at, delimiter.length);
        if (state === "value") yield { type: "field", name: part!.name, value: head.toString("utf8") };
        state = "after-delimiter";
      } else if (state === "after-delimiter") {
        if (buffer.length < 2) break;
        const marker = take(2, 0).toString("latin1");
        if (marker === "--") state = "done";
        else if (marker === "\r\n") state = "headers";
        else throw new MultipartError("malformed boundary");
      } else if (state === "headers") {
        const at = buffer.indexOf(HEADER_END);
        if (at === -1) {
          if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError("part headers too large");
          break;
        }
        part = parsePartHeaders(take(at, HEADER_END.length).toString("utf8"));
        if (part.filename !== null) {
          yield { type: "file", name: part.name, filename: part.filename, contentType: part.contentType };
          state = "file";
        } else state = "value";
      } else if (state === "file") {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          // Keep what could be the start of a delimiter split across pieces.
          const keep = delimiter.length - 1;
          if (buffer.length > keep) yield { type: "data", chunk: Buffer.from(take(buffer.length - keep, 0)) };
          break;
        }
        if (at > 0) yield { type: "data", chunk: Buffer.from(take(at, 0)) };
        take(0, delimiter.length);
        state = "after-file";
      } else if (state === "after-file") {
        if (buffer.length < 2) break;
        if (take(2, 0).toString("latin1") !== "--") throw new MultipartError("the file field must be the last field");
        state = "done";
      } else {
        break;
      }
    }
    if (state === "done") return;
  }
  throw new MultipartError(state === "file" ? "upload ended before the closing boundary" : "incomplete multipart body");
}

function parsePartHeaders(text: string): { name: string; filename: string | null; contentType: string | null } {
  let name: string | null = null;
  let filename: string | null = null;
  let contentType: string | null = null;
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === "content-type") contentType = value;
    if (header === "content-disposition") {
      name = /\bname="([^"]*)"/i.exec(value)?.[1] ?? null;
      filename = /\bfilename="([^"]*)"/i.exec(value)?.[1] ?? null;
    }
  }
  if (name === null) throw new MultipartError("part without a name");
  return { name, filename, contentType };
}
