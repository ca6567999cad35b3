// One HTTP attempt at an Odoo endpoint with its own timeout, and what its answer means: a result,
// an Odoo error (by exception name, in JSON-RPC's envelope or JSON-2's error object), or a
// transient failure (network, timeout, 429, 502/503/504, an HTML 5xx page, Odoo's concurrency
// error). `processed` says whether the server may have applied the call, which decides whether a
// call that is not idempotent may be retried. Each request goes through the address guard
// (odoo-address-guard.ts): a refused address is its own outcome, never retried; redirects are not
// followed (a 3xx is an answer that is not Odoo's).
import { fetch } from "undici";
import { findAddressRefusal, odooDispatcherFor, type OdooAddressRefusal } from "./odoo-address-guard";

export type OdooFailure = { name: string; message: string; status: number };

export type AttemptOutcome =
  | { kind: "result"; value: unknown }
  | { kind: "odoo-error"; error: OdooFailure }
  | { kind: "not-found"; status: number }
  | { kind: "transient"; reason: string; processed: boolean; retryAfterMs?: number; cause?: unknown }
  | { kind: "bad-answer"; reason: string; status: number }
  | { kind: "refused-address"; refusal: OdooAddressRefusal };

const TRANSIENT_ODOO_ERRORS = new Set([
  "psycopg2.errors.SerializationFailure",
  "psycopg2.errors.DeadlockDetected",
  "psycopg2.errors.LockNotAvailable",
  "odoo.exceptions.ConcurrencyError",
]);

export type AttemptRequest = {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal?: AbortSignal;
  protocol: "jsonrpc" | "json2";
};

export async function sendOdooRequest({
  url,
  headers,
  body,
  timeoutMs,
  signal,
  protocol,
}: AttemptRequest): Promise<AttemptOutcome> {
  signal?.throwIfAborted();
  let route: ReturnType<typeof odooDispatcherFor>;
  try {
    route = odooDispatcherFor(url);
  } catch (cause) {
    return { kind: "transient", reason: "network error: invalid URL", processed: false, cause };
  }
  if ("refusal" in route) return { kind: "refused-address", refusal: route.refusal };
  // One controller and timer per attempt, released when it ends (see decision 11 on why not AbortSignal.timeout()).
  const attempt = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), attempt.abort()), Math.max(1, Math.round(timeoutMs)));
  const onAbort = () => attempt.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      signal: attempt.signal,
      redirect: "manual",
      dispatcher: route.dispatcher,
    });
    const text = await response.text();
    return classify(response.status, response.headers, text, protocol);
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    const refusal = findAddressRefusal(cause);
    if (refusal) return { kind: "refused-address", refusal };
    if (timedOut)
      return { kind: "transient", reason: `no answer within ${Math.round(timeoutMs)} ms`, processed: true, cause };
    const code = (cause as { cause?: { code?: string } })?.cause?.code;
    // A refused connection never reached Odoo; anything else may have (a reset after sending).
    return {
      kind: "transient",
      reason: `network error: ${code ?? (cause instanceof Error ? cause.message : String(cause))}`,
      processed: code !== "ECONNREFUSED",
      cause,
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

type AnswerHeaders = { get(name: string): string | null };

function retryAfter(headers: AnswerHeaders): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function classify(status: number, headers: AnswerHeaders, text: string, protocol: "jsonrpc" | "json2"): AttemptOutcome {
  if (status === 429)
    return {
      kind: "transient",
      reason: "HTTP 429 Too Many Requests",
      processed: false,
      retryAfterMs: retryAfter(headers),
    };
  if (status >= 300 && status < 400)
    return { kind: "bad-answer", reason: `HTTP ${status}: a redirect, which Synco does not follow`, status };
  const isJson = (headers.get("content-type") ?? "").includes("json");
  const body = isJson ? parse(text) : undefined;
  if (status >= 500 && !(protocol === "json2" && isJson && body && typeof body === "object")) {
    // A gateway's or a dying worker's page: 503 means nothing ran; after 500/502/504 it may have.
    return {
      kind: "transient",
      reason: `HTTP ${status}`,
      processed: status !== 503,
      retryAfterMs: retryAfter(headers),
    };
  }
  if (status === 404 && !isJson) return { kind: "not-found", status };
  if (protocol === "jsonrpc") {
    if (status !== 200 || !body || typeof body !== "object")
      return { kind: "bad-answer", reason: `HTTP ${status}: ${text.slice(0, 200)}`, status };
    const envelope = body as {
      result?: unknown;
      error?: { data?: { name?: string; message?: string }; message?: string };
    };
    if (envelope.error) {
      const name = envelope.error.data?.name ?? "";
      const message = envelope.error.data?.message ?? envelope.error.message ?? "";
      if (TRANSIENT_ODOO_ERRORS.has(name))
        return { kind: "transient", reason: `${name}: ${message.trim()}`, processed: false };
      return { kind: "odoo-error", error: { name, message, status } };
    }
    return { kind: "result", value: envelope.result ?? null };
  }
  if (status === 200)
    return body === undefined && text !== ""
      ? { kind: "bad-answer", reason: "not JSON", status }
      : { kind: "result", value: body ?? null };
  if (body && typeof body === "object" && "name" in body) {
    const { name, message } = body as { name: string; message?: string };
    if (TRANSIENT_ODOO_ERRORS.has(name))
      return { kind: "transient", reason: `${name}: ${String(message).trim()}`, processed: false };
    return { kind: "odoo-error", error: { name, message: message ?? "", status } };
  }
  if (status === 415) return { kind: "bad-answer", reason: "Odoo refused the content type", status };
  return { kind: "bad-answer", reason: `HTTP ${status}: ${text.slice(0, 200)}`, status };
}
