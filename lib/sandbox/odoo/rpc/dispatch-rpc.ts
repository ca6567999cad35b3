// The `common`, `object` and `db` services behind /jsonrpc and /xmlrpc/2/<service>
// (odoo/service/common.py, model.py, db.py): version, login, authenticate, execute, execute_kw,
// and db.list / db.server_version. Both protocols call this with the call's parameters.
import type { SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import { authenticateLogin, authenticateUid } from "../auth/authenticate-user";
import { findDatabase } from "../auth/find-database";
import { accessDenied, keyError, OdooException, typeError, unknownDatabase } from "../odoo-exceptions";
import type { OdooDb } from "../odoo-db";
import { versionProfile } from "../versions";
import { bindPositional, resolveCall, runCall } from "./call-model";

export type RpcServer = {
  db: OdooDb;
  /** The database this URL serves (`/api/sandbox/odoo/<db>/…`); null at a root that serves any. */
  pinned: SandboxOdooDatabase | null;
  /** X-Odoo-Database, for calls that name no database. */
  headerDatabase: string | null;
};

export type RpcCall = { service: string; method: string; params: unknown[] };

/** The database a call works on, before it runs (for faults and the call log). */
export async function databaseOfCall(server: RpcServer, call: RpcCall): Promise<SandboxOdooDatabase | null> {
  const named =
    call.service === "object" || (call.service === "common" && call.method !== "version" && call.method !== "about");
  if (named && typeof call.params[0] === "string") {
    if (server.pinned) return server.pinned.name === call.params[0] ? server.pinned : null;
    return findDatabase(server.db, call.params[0]);
  }
  if (server.pinned) return server.pinned;
  return server.headerDatabase ? findDatabase(server.db, server.headerDatabase) : null;
}

export type RpcOutcome = { result: unknown; uid: number | null };

export async function dispatchRpc(
  server: RpcServer,
  database: SandboxOdooDatabase | null,
  call: RpcCall,
): Promise<RpcOutcome> {
  const { service, method, params } = call;
  if (service === "common") {
    if (method === "version") {
      if (!database) throw unknownDatabase(server.headerDatabase ?? "");
      return { result: versionProfile(database.version).info, uid: null };
    }
    if (method === "login" || method === "authenticate") {
      const [dbName, login, password] = params;
      if (params.length < (method === "login" ? 3 : 4))
        throw typeError(`exp_${method}() missing required positional arguments`);
      if (!database) throw unknownDatabase(String(dbName));
      const caller =
        typeof login === "string" && typeof password === "string"
          ? await authenticateLogin(server.db, database, login, password)
          : null;
      return { result: caller ? caller.uid : false, uid: caller?.uid ?? null };
    }
    throw keyError(`exp_${method}`);
  }
  if (service === "object") {
    if (method !== "execute" && method !== "execute_kw")
      throw new OdooException("builtins.NameError", `Method not available ${method}`);
    const [dbName, uid, password, model, name, ...rest] = params;
    if (!database) throw unknownDatabase(String(dbName));
    if (typeof password !== "string" || password === "") throw accessDenied();
    const caller = typeof uid === "number" ? await authenticateUid(server.db, database, uid, password) : null;
    if (!caller) throw accessDenied();
    if (typeof model !== "string" || typeof name !== "string")
      throw typeError("execute_kw() model and method must be strings");
    const resolved = resolveCall(database, model, name, false);
    const bound =
      method === "execute_kw"
        ? bindPositional(resolved, rest[0] ?? [], rest[1] ?? {})
        : bindPositional(resolved, rest, {});
    let result = await runCall(server.db, database, caller, resolved, bound);
    // execute_kw's create answers an id for one dict, a list for a list (call_kw).
    const firstArg = method === "execute_kw" ? (Array.isArray(rest[0]) ? rest[0][0] : undefined) : rest[0];
    if (name === "create" && Array.isArray(result) && firstArg !== undefined && !Array.isArray(firstArg))
      result = result[0];
    if (
      name === "create" &&
      Array.isArray(result) &&
      firstArg === undefined &&
      bound.kwargs.vals_list &&
      !Array.isArray(bound.kwargs.vals_list)
    )
      result = result[0];
    return { result, uid: caller.uid };
  }
  if (service === "db") {
    if (method === "list")
      return { result: server.pinned ? [server.pinned.name] : database ? [database.name] : [], uid: null };
    if (method === "server_version") {
      if (!database) throw unknownDatabase(server.headerDatabase ?? "");
      return { result: versionProfile(database.version).info.server_version, uid: null };
    }
    throw accessDenied();
  }
  throw keyError(service);
}
