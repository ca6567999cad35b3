// One POST to the Admin GraphQL endpoint, with its own timeout. Network failures and timeouts
// become transient outcomes; the caller's own abort is thrown as is.
import { classifyResponse, type AttemptOutcome } from "./classify-response";

export type GraphqlAttempt = {
  url: string;
  shopDomain: string;
  accessToken: string;
  document: string;
  variables: Record<string, unknown>;
  timeoutMs: number;
  signal?: AbortSignal;
};

export async function sendGraphqlAttempt({
  url,
  shopDomain,
  accessToken,
  document,
  variables,
  timeoutMs,
  signal,
}: GraphqlAttempt): Promise<AttemptOutcome> {
  signal?.throwIfAborted();
  // One controller per attempt, its timer cleared and its listener removed when the attempt ends:
  // AbortSignal.timeout() would keep every attempt's timer alive for the whole timeout, and
  // AbortSignal.any() ties every attempt to the caller's signal, which may outlive thousands of them.
  const attempt = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), attempt.abort()), Math.max(1, Math.round(timeoutMs)));
  const onAbort = () => attempt.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "x-shopify-access-token": accessToken,
      },
      body: JSON.stringify({ query: document, variables }),
      signal: attempt.signal,
    });
    const text = await response.text();
    return classifyResponse({ status: response.status, headers: response.headers, text, shopDomain });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (timedOut)
      return { kind: "transient", reason: `no answer within ${Math.round(timeoutMs)} ms`, cause, timedOut: true };
    return { kind: "transient", reason: `network error: ${networkReason(cause)}`, cause };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

// fetch reports "fetch failed" and puts the useful part (ECONNRESET, "other side closed") in its cause.
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
