// The sandbox's HTTP surface, framework-free (a fetch Request in, a Response out) so the Next
// route and the standalone server share it. Serves POST …/admin/api/{version}/graphql.json where
// the shop is the path segment before /admin (…/api/sandbox/shopify/{shop}/admin/…) or, for
// /admin/… directly, the Host header. Status codes and bodies follow Shopify's.
import { randomUUID } from "node:crypto";
import { authenticateSandboxRequest } from "./authenticate-sandbox-request";
import { executeSandboxGraphql, type SandboxGraphqlRequest } from "./execute-sandbox-graphql";
import { isSandboxApiVersion } from "./plans";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

const GRAPHQL_PATH = /^(.*)\/admin\/api\/([^/]+)\/graphql\.json$/;
const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";

export async function handleSandboxShopifyRequest(req: Request, { db = defaultSandboxDb }: { db?: SandboxDb } = {}): Promise<Response> {
  const url = new URL(req.url);
  const match = GRAPHQL_PATH.exec(url.pathname);
  if (!match) return json(404, { errors: "Not Found" });
  const [, prefix = "", version = ""] = match;
  if (req.method !== "POST") return json(405, { errors: "Method Not Allowed" }, { allow: "POST" });
  if (!isSandboxApiVersion(version)) return json(404, { errors: "Not Found" });

  const domain = shopFromPath(prefix) || hostOf(req);
  const caller = await authenticateSandboxRequest({ db, domain, accessToken: req.headers.get("x-shopify-access-token") });
  if (caller === "no-shop") return json(404, { errors: "Not Found" });
  if (caller === "bad-token") return json(401, { errors: INVALID_TOKEN });

  const request = await readGraphqlRequest(req);
  // Shopify answers a body it cannot parse with a bare 400 "Bad Request".
  if (request === "bad-json") return json(400, { errors: "Bad Request" });
  if (!request) return json(400, { errors: { query: "Required parameter missing or invalid" } });

  const body = await executeSandboxGraphql({ ...caller, request, db });
  return json(200, body, { "x-shopify-api-version": version });
}

// Shopify takes a JSON body ({ query, variables, operationName }) or a raw `application/graphql` document.
async function readGraphqlRequest(req: Request): Promise<SandboxGraphqlRequest | "bad-json" | null> {
  const text = await req.text();
  if ((req.headers.get("content-type") ?? "").includes("application/graphql")) return text.trim() ? { query: text } : null;
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

function shopFromPath(prefix: string): string {
  try {
    return decodeURIComponent(prefix.split("/").filter(Boolean).at(-1) ?? "");
  } catch {
    return "";
  }
}

function hostOf(req: Request): string {
  return (req.headers.get("host") ?? new URL(req.url).host).replace(/:\d+$/, "").toLowerCase();
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-request-id": randomUUID(), ...headers },
  });
}
