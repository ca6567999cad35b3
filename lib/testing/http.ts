// Calls route handlers in-process with real Request objects: the same code path as `next start`
// (session cookie, wrapper, zod, services, PostgreSQL), without a server per test.
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  body?: unknown;
  /** Raw body text, sent as is (for malformed input tests). */
  raw?: string;
  cookie?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
};

export type CallResult<T = any> = { status: number; body: T; headers: Headers };

export const BASE_URL = "http://localhost:3000";

export async function call<T = any>(
  handler: Handler,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const res = await handler(new Request(new URL(path, BASE_URL), { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // non-JSON answers are returned as text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
