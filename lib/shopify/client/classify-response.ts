// What one HTTP answer from the Admin GraphQL endpoint means for the caller: a result, a throttle
// to wait out, a transient failure to retry, or a final error.
import {
  ShopifyAuthError,
  ShopifyGraphQLError,
  ShopifyStoreGoneError,
  type ShopifyError,
  type ShopifyGraphQLErrorDetail,
} from "./errors";
import { parseRetryAfter } from "./retry-policy";
import type { ShopifyCost } from "./store-budget";

export type ShopifyExtensions = { cost?: ShopifyCost } & Record<string, unknown>;

export type AttemptOutcome =
  | { kind: "ok"; data: unknown; extensions: ShopifyExtensions; cost?: ShopifyCost }
  /** GraphQL THROTTLED: wait for the bucket to refill. */
  | { kind: "throttled"; cost?: ShopifyCost }
  /** HTTP 429: wait as long as Retry-After says. */
  | { kind: "rate-limited"; retryAfterMs?: number; cost?: undefined }
  /** Network error, timeout, 5xx or INTERNAL_SERVER_ERROR: try again later. */
  | { kind: "transient"; reason: string; status?: number; cause?: unknown; cost?: ShopifyCost; timedOut?: true }
  | { kind: "fatal"; error: ShopifyError; cost?: ShopifyCost };

type Body = { data?: unknown; errors?: unknown; extensions?: ShopifyExtensions };

export function classifyResponse({
  status,
  headers,
  text,
  shopDomain,
}: {
  status: number;
  headers: Headers;
  text: string;
  shopDomain: string;
}): AttemptOutcome {
  const options = { shopDomain };
  if (status === 401 || status === 403) return { kind: "fatal", error: new ShopifyAuthError(status, options) };
  if (status === 402 || status === 404 || status === 423)
    return { kind: "fatal", error: new ShopifyStoreGoneError(status, options) };
  if (status === 429) return { kind: "rate-limited", retryAfterMs: parseRetryAfter(headers.get("retry-after")) };
  if (status >= 500) return { kind: "transient", reason: `HTTP ${status}`, status };

  let body: Body;
  try {
    body = JSON.parse(text) as Body;
  } catch (cause) {
    if (status === 200) return { kind: "transient", reason: "the response was not JSON", status, cause };
    return { kind: "fatal", error: new ShopifyGraphQLError([{ message: `HTTP ${status}` }], null, options) };
  }
  const cost = body.extensions?.cost;
  const errors = errorDetails(body.errors);
  if (status !== 200)
    return {
      kind: "fatal",
      error: new ShopifyGraphQLError(errors.length ? errors : [{ message: `HTTP ${status}` }], null, options),
    };
  if (!errors.length) return { kind: "ok", data: body.data ?? null, extensions: body.extensions ?? {}, cost };

  const codes = errors.map((error) => error.extensions?.code);
  if (codes.every((code) => code === "THROTTLED")) return { kind: "throttled", cost };
  if (codes.includes("INTERNAL_SERVER_ERROR")) return { kind: "transient", reason: errors[0]!.message, status, cost };
  return { kind: "fatal", error: new ShopifyGraphQLError(errors, body.data ?? null, options), cost };
}

// Shopify's `errors` is an array of GraphQL errors, or — for HTTP-level refusals — a string or an object.
function errorDetails(errors: unknown): ShopifyGraphQLErrorDetail[] {
  if (errors == null) return [];
  if (Array.isArray(errors))
    return errors.map((error) =>
      typeof error === "object" && error && "message" in error
        ? (error as ShopifyGraphQLErrorDetail)
        : { message: String(error) },
    );
  if (typeof errors === "string") return [{ message: errors }];
  return Object.entries(errors as Record<string, unknown>).map(([key, value]) => ({
    message: `${key}: ${String(value)}`,
  }));
}
