// POST /json/2/<model>/<method> (Odoo 19): bearer API key, named arguments, the raw result, and
// error objects {name, message, arguments, context, debug} with Odoo's HTTP statuses
// (API-FACTS.md §1.2–1.4).
import type { SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import { authenticateBearer } from "../auth/authenticate-user";
import { httpException, OdooException } from "../odoo-exceptions";
import { bindNamed, resolveCall, runCall } from "../rpc/call-model";
import type { RpcServer } from "../rpc/dispatch-rpc";
import { applyFault } from "./apply-fault";
import { asOdooException, logged, wrongContentType } from "./jsonrpc";
import { jsonResponse } from "./responses";

const ROUTE = /^json\/2\/([^/]+)\/([^/]+)$/;

export function json2Error(error: OdooException): Response {
  const headers: Record<string, string> = error.json2Status === 401 ? { "www-authenticate": "bearer" } : {};
  return jsonResponse(
    error.json2Status,
    { name: error.pythonName, message: error.message, arguments: error.args, context: {}, debug: error.debug },
    headers,
  );
}

export async function handleJson2(req: Request, server: RpcServer, database: SandboxOdooDatabase, path: string) {
  const started = Date.now();
  const route = ROUTE.exec(path);
  const target = route ? `${route[1]}.${route[2]}` : `/${path}`;
  const done = (uid: number | null, error: OdooException | null, response: Response) =>
    logged(server, database, target, uid, started, error, response, "json2");
  if (!route || req.method !== "POST") {
    const error = httpException(404, "Did you mean POST /json/2/<model>/<method>?");
    return done(null, error, json2Error(error));
  }
  const injected = await applyFault(server.db, database, "json2", target);
  if (injected instanceof Response) return injected;
  if (injected) return done(null, injected, json2Error(injected));
  const text = await req.text();
  const mimetype = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (text.length > 0 && mimetype !== "application/json")
    return done(null, null, wrongContentType("/json/2/<path:model>/<method>", "json2"));
  let uid: number | null = null;
  try {
    const bearer = /^bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "");
    if (!bearer) throw httpException(401, 'User not authenticated, use the "Authorization" header');
    const caller = await authenticateBearer(server.db, database, bearer[1]!.trim());
    if (!caller) throw httpException(401, "Invalid apikey");
    uid = caller.uid;
    let body: unknown = {};
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw httpException(400, `could not parse the body as json: ${pythonJsonMessage(text, error)}`);
      }
    }
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw httpException(400, "could not parse the body, expecting a json object");
    const call = resolveCall(database, route[1]!, route[2]!, true);
    const bound = bindNamed(call, body as Record<string, unknown>, route[1]!);
    const result = await runCall(server.db, database, caller, call, bound);
    return done(uid, null, jsonResponse(200, result ?? null));
  } catch (error) {
    const odoo = asOdooException(error);
    return done(uid, odoo, json2Error(odoo));
  }
}

/** Python's json error wording for the common case (nothing JSON at the start). */
function pythonJsonMessage(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  const at = position ? Number(position[1]) : 0;
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  return `Expecting value: line ${line} column ${column} (char ${at})`;
}
