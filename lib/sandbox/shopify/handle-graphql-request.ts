// POST …/admin/api/{version}/graphql.json: authenticate like Shopify, apply the shop's faults
// (latency, 5xx, 429, reset, throttle storm), run the query. Status codes and bodies follow Shopify's.
import { authenticateSandboxRequest } from "./authenticate-sandbox-request";
import type { SandboxBucketStore } from "./cost/bucket-store";
import { executeSandboxGraphql, type SandboxGraphqlRequest } from "./execute-sandbox-graphql";
import { decideRequestFault } from "./faults/decide-request-fault";
import { servedApiVersion } from "./plans";
import { jsonResponse, resetResponse } from "./sandbox-responses";
import type { SandboxDb } from "./sandbox-db";

const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";

export type GraphqlRequestOptions = {
  db: SandboxDb;
  prefix: string;
  version: string;
  publicUrl: string;
  buckets: SandboxBucketStore;
};

export async function handleGraphqlRequest(
  req: Request,
  { db, prefix, version, publicUrl, buckets }: GraphqlRequestOptions,
): Promise<Response> {
  if (req.method !== "POST") return jsonResponse(405, { errors: "Method Not Allowed" }, { allow: "POST" });
  const served = servedApiVersion(version);
  if (!served) return jsonResponse(404, { errors: "Not Found" });

  const domain = shopFromPath(prefix) || hostOf(req);
  const caller = await authenticateSandboxRequest({
    db,
    domain,
    accessToken: req.headers.get("x-shopify-access-token"),
  });
  if (caller === "no-shop") return jsonResponse(404, { errors: "Not Found" });
  if (caller === "bad-token") return jsonResponse(401, { errors: INVALID_TOKEN });

  if (caller.faults) {
    const fault = decideRequestFault({ shopId: caller.shop.id, faults: caller.faults, version: caller.faultsVersion });
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.outcome.kind === "reset") return resetResponse();
    if (fault.outcome.kind === "status")
      return faultStatusResponse(fault.outcome.status, fault.outcome.retryAfterSeconds);
  }

  const request = await readGraphqlRequest(req);
  // Shopify answers a body it cannot parse with a bare 400 "Bad Request".
  if (request === "bad-json") return jsonResponse(400, { errors: "Bad Request" });
  if (!request) return jsonResponse(400, { errors: { query: "Required parameter missing or invalid" } });

  const stormUntil = caller.faults?.throttleStormUntil ? new Date(caller.faults.throttleStormUntil) : null;
  const body = await executeSandboxGraphql({
    shop: caller.shop,
    installation: caller.installation,
    request,
    db,
    publicUrl,
    throttledUntil: stormUntil,
    buckets,
  });
  return jsonResponse(200, body, { "x-shopify-api-version": served });
}

// Bodies Shopify's edge sends; the 429 wording is its REST one (a best guess for GraphQL).
function faultStatusResponse(status: number, retryAfterSeconds?: number): Response {
  if (status === 429) {
    return jsonResponse(
      429,
      { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." },
      { "retry-after": (retryAfterSeconds ?? 2).toFixed(1) },
    );
  }
  const text: Record<number, string> = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
  };
  return jsonResponse(status, { errors: text[status] ?? "Internal Server Error" });
}

// Shopify takes a JSON body ({ query, variables, operationName }) or a raw `application/graphql` document.
async function readGraphqlRequest(req: Request): Promise<SandboxGraphqlRequest | "bad-json" | null> {
  const text = await req.text();
  if ((req.headers.get("content-type") ?? "").includes("application/graphql"))
    return text.trim() ? { query: text } : null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "bad-json";
  }
  if (typeof body !== "object" || body === null) return null;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== "string" || !query.trim()) return null;
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) return null;
  return {
    query,
    variables: (variables as Record<string, unknown> | null | undefined) ?? {},
    operationName: typeof operationName === "string" ? operationName : null,
  };
}

export function shopFromPath(prefix: string): string {
  try {
    return decodeURIComponent(prefix.split("/").filter(Boolean).at(-1) ?? "");
  } catch {
    return "";
  }
}

export function hostOf(req: Request): string {
  return (req.headers.get("host") ?? new URL(req.url).host).replace(/:\d+$/, "").toLowerCase();
}
