// The sandbox's admin API for faults: GET, POST (replace) or DELETE (clear)
// …/{shop}/sandbox/faults, authenticated by any of the shop's access tokens. Not part of
// Shopify's API; tests and demos use it to make the store misbehave on purpose.
import { authenticateSandboxRequest } from "../authenticate-sandbox-request";
import { hostOf, shopFromPath } from "../handle-graphql-request";
import type { SandboxDb } from "../sandbox-db";
import { jsonResponse } from "../sandbox-responses";
import { ZSandboxFaultsInput } from "./sandbox-faults";
import { setSandboxFaults } from "./set-sandbox-faults";

export async function handleFaultsRequest(
  req: Request,
  { db, prefix }: { db: SandboxDb; prefix: string },
): Promise<Response> {
  const domain = shopFromPath(prefix) || hostOf(req);
  const caller = await authenticateSandboxRequest({
    db,
    domain,
    accessToken: req.headers.get("x-shopify-access-token"),
  });
  if (caller === "no-shop") return jsonResponse(404, { errors: "Not Found" });
  if (caller === "bad-token")
    return jsonResponse(401, {
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
  const shopId = caller.shop.id;

  if (req.method === "GET") return jsonResponse(200, { faults: caller.faults });
  if (req.method === "DELETE")
    return jsonResponse(200, { faults: await setSandboxFaults({ shopId, faults: null, db }) });
  if (req.method !== "POST") return jsonResponse(405, { errors: "Method Not Allowed" }, { allow: "GET, POST, DELETE" });
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return jsonResponse(400, { errors: "Bad Request" });
  }
  const parsed = ZSandboxFaultsInput.safeParse(body);
  if (!parsed.success) {
    return jsonResponse(422, {
      errors: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
  return jsonResponse(200, { faults: await setSandboxFaults({ shopId, faults: parsed.data, db }) });
}
