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

export async function sendGraphqlAttempt({ url, shopDomain, accessToken, document, variables, timeoutMs, signal }: GraphqlAttempt): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(Math.max(1, Math.round(timeoutMs)));
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-shopify-access-token": accessToken },
      body: JSON.stringify({ query: document, variables }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await response.text();
    return classifyResponse({ status: response.status, headers: response.headers, text, shopDomain });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) return { kind: "transient", reason: `no answer within ${Math.round(timeoutMs)} ms`, cause, timedOut: true };
    return { kind: "transient", reason: `network error: ${networkReason(cause)}`, cause };
  }
}

// fetch reports "fetch failed" and puts the useful part (ECONNRESET, "other side closed") in its cause.
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
