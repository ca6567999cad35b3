// Reading input: the body (size, type, JSON), the query and path parameters, each through the one
// text rule (lib/vocabulary/text.ts) before zod sees it, so a NUL or a broken surrogate is a 422
// naming its field rather than a 500 from PostgreSQL.
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { findBadText } from "@/lib/vocabulary/text";

export const MAX_BODY_BYTES = 64 * 1024;
/** Ids, cursors, searches: nothing a route takes in its path or query is longer. */
export const MAX_URL_TEXT = 2048;

/** Reads a JSON body: 413 when too large, 415 when not JSON, 400 when malformed, 422 when invalid. */
export async function parseBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const text = (await readRawBody(req, maxBytes)).toString("utf8");
  let value: unknown = {};
  if (text.trim() !== "") {
    const type = req.headers.get("content-type") ?? "";
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
      throw new AppError("unsupported_media_type", "Request body must be JSON (Content-Type: application/json)");
    }
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new AppError("bad_request", "Request body is not valid JSON", { cause: err });
    }
  }
  assertCleanText(value);
  return validate(schema, value);
}

/** Validates the query string (`?a=1&b=2`) against a schema of strings. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  return validate(schema, queryOf(req));
}

/** Every path parameter and query value a route could read, through the text rule (routes read some directly). */
export function assertCleanRequestText(req: Request, params: Record<string, string>) {
  for (const values of [params, queryOf(req)]) {
    assertCleanText(values);
    for (const [field, value] of Object.entries(values))
      if (value.length > MAX_URL_TEXT)
        throw new AppError("unprocessable", `${field}: must be at most ${MAX_URL_TEXT} characters`, { field });
  }
}

/** 422 naming the first field (a dotted path) whose text the product cannot take. */
export function assertCleanText(value: unknown) {
  const bad = findBadText(value);
  if (bad) throw new AppError("unprocessable", `${bad.field}: ${bad.problem}`, { field: bad.field });
}

function queryOf(req: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(req.url).searchParams) {
    assertCleanText({ "(query key)": key });
    query[key] = value;
  }
  return query;
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join(".") : undefined;
  const message = field ? `${field}: ${issue.message}` : issue.message;
  throw new AppError("unprocessable", message, { field });
}

/** The raw body, refused (413) from its declared length before reading, or as soon as it grows past the cap. */
export async function readRawBody(req: Request, maxBytes: number, tooLargeMessage?: string): Promise<Buffer> {
  const tooLarge = (max: number) =>
    tooLargeMessage ? new AppError("payload_too_large", tooLargeMessage) : tooLargeBody(max);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLargeBody(maxBytes: number) {
  return new AppError("payload_too_large", `Request body is larger than ${Math.round(maxBytes / 1024)} KB`);
}
