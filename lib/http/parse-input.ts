import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body: 413 when too large, 415 when not JSON, 400 when malformed, 422 when invalid. */
export async function parseBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(req, maxBytes);
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
  return validate(schema, value);
}

/** Validates the query string (`?a=1&b=2`) against a schema of strings. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  return validate(schema, Object.fromEntries(new URL(req.url).searchParams));
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join(".") : undefined;
  const message = field ? `${field}: ${issue.message}` : issue.message;
  throw new AppError("unprocessable", message, { field });
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `Request body is larger than ${Math.round(maxBytes / 1024)} KB`);
}
