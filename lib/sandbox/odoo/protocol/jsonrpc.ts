// POST /jsonrpc and /web/webclient/version_info: Odoo's JSON-RPC dispatcher. Errors travel in the
// envelope with HTTP 200 (`error.code` 200 up to 18, 0 from 19; `data` is serialize_exception's
// name/debug/message/arguments/context); bad JSON is a plain-text 400 outside the envelope.
import type { SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import { logCall } from "../call-log";
import { OdooException, typeError, unknownDatabase } from "../odoo-exceptions";
import { databaseOfCall, dispatchRpc, type RpcServer } from "../rpc/dispatch-rpc";
import { findDatabase } from "../auth/find-database";
import { versionProfile } from "../versions";
import { applyFault } from "./apply-fault";
import { htmlError, jsonResponse, plainResponse } from "./responses";

const JSON_TYPES = new Set(["application/json", "application/json-rpc"]);

export function wrongContentType(route: string, type: string): Response {
  return htmlError(
    415,
    "Unsupported Media Type",
    `Request inferred type is compatible with ['http'] but '${route}' is type='${type}'.`,
  );
}

export async function readJsonRpc(
  req: Request,
  route: string,
): Promise<Response | { id: unknown; params: Record<string, unknown> }> {
  const mimetype = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!JSON_TYPES.has(mimetype)) return wrongContentType(route, "json");
  let body: unknown;
  try {
    body = JSON.parse(await req.text());
  } catch {
    return plainResponse(400, "Invalid JSON data");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return plainResponse(400, "Invalid JSON-RPC data");
  const envelope = body as Record<string, unknown>;
  const params =
    envelope.params && typeof envelope.params === "object" ? (envelope.params as Record<string, unknown>) : {};
  return { id: envelope.id ?? null, params };
}

export function jsonRpcResult(id: unknown, result: unknown): Response {
  const body: Record<string, unknown> = { jsonrpc: "2.0", id };
  if (result !== null && result !== undefined) body.result = result;
  return jsonResponse(200, body);
}

export function jsonRpcError(id: unknown, error: OdooException, database: SandboxOdooDatabase | null): Response {
  const code = database ? versionProfile(database.version).jsonRpcErrorCode : 200;
  return jsonResponse(200, {
    jsonrpc: "2.0",
    id,
    error: {
      code,
      message: "Odoo Server Error",
      data: { name: error.pythonName, debug: error.debug, message: error.message, arguments: error.args, context: {} },
    },
  });
}

export function asOdooException(error: unknown): OdooException {
  if (error instanceof OdooException) return error;
  console.error("sandbox odoo: unexpected error", error);
  return new OdooException("builtins.Exception", error instanceof Error ? error.message : String(error));
}

export async function handleJsonRpc(req: Request, server: RpcServer): Promise<Response> {
  const read = await readJsonRpc(req, "/jsonrpc");
  if (read instanceof Response) return read;
  const started = Date.now();
  const { id, params } = read;
  const service = String(params.service ?? "");
  const method = String(params.method ?? "");
  const args = Array.isArray(params.args) ? params.args : [];
  const call = { service, method, params: args };
  const database = await databaseOfCall(server, call);
  const target =
    service === "object" && typeof args[3] === "string" ? `${args[3]}.${String(args[4])}` : `${service}.${method}`;
  if (database) {
    const fault = await applyFault(server.db, database, "jsonrpc", target);
    if (fault instanceof Response) return fault;
    if (fault) return logged(server, database, target, null, started, fault, jsonRpcError(id, fault, database));
  }
  try {
    if (!("args" in params)) throw typeError("jsonrpc() missing 1 required positional argument: 'args'");
    const { result, uid } = await dispatchRpc(server, database, call);
    return logged(server, database, target, uid, started, null, jsonRpcResult(id, result));
  } catch (error) {
    const odoo = asOdooException(error);
    return logged(server, database, target, null, started, odoo, jsonRpcError(id, odoo, database));
  }
}

export function logged(
  server: RpcServer,
  database: SandboxOdooDatabase | null,
  target: string,
  uid: number | null,
  started: number,
  error: OdooException | null,
  response: Response,
  protocol = "jsonrpc",
): Response {
  if (database)
    logCall(server.db, {
      databaseId: database.id,
      protocol,
      target,
      uid,
      status: response.status,
      error: error?.pythonName ?? null,
      durationMs: Date.now() - started,
    });
  return response;
}

/** /web/webclient/version_info: `common.version`'s dict, on every version. */
export async function handleVersionInfo(req: Request, server: RpcServer): Promise<Response> {
  const read = await readJsonRpc(req, "/web/webclient/version_info");
  if (read instanceof Response) return read;
  const database =
    server.pinned ?? (server.headerDatabase ? await findDatabase(server.db, server.headerDatabase) : null);
  if (!database) return jsonRpcError(read.id, unknownDatabase(server.headerDatabase ?? ""), null);
  const fault = await applyFault(server.db, database, "web", "/web/webclient/version_info");
  if (fault instanceof Response) return fault;
  if (fault) return jsonRpcError(read.id, fault, database);
  return logged(
    server,
    database,
    "/web/webclient/version_info",
    null,
    Date.now(),
    null,
    jsonRpcResult(read.id, versionProfile(database.version).info),
    "web",
  );
}
