// The sandbox Odoo's HTTP surface, framework-free (a fetch Request in, a Response out) so the
// Next route and the standalone server share it. `…/api/sandbox/odoo/<db>` is an Odoo server root
// that serves the database <db> (as a dbfilter would):
//   POST <root>/jsonrpc                       JSON-RPC: common, object, db services
//   POST <root>/xmlrpc/2/{common,object,db}   XML-RPC
//   POST <root>/json/2/<model>/<method>       JSON-2 (19)
//   POST <root>/web/webclient/version_info    every version;  GET <root>/web/version (19)
//   …    <root>/sandbox/{faults,calls}        the sandbox's own (not Odoo's)
// The standalone server also answers at its own root, like a multi-database Odoo: the database is
// the one a call names (JSON-RPC/XML-RPC arguments) or X-Odoo-Database.
import { findDatabase } from "./auth/find-database";
import { defaultOdooDb, type OdooDb } from "./odoo-db";
import { handleJson2 } from "./protocol/json2";
import { handleJsonRpc, handleVersionInfo } from "./protocol/jsonrpc";
import { jsonResponse, notFoundPage } from "./protocol/responses";
import { handleSandboxAdmin } from "./protocol/sandbox-admin";
import { handleXmlRpc } from "./protocol/xmlrpc";
import type { RpcServer } from "./rpc/dispatch-rpc";
import { versionProfile } from "./versions";

const PREFIX = /^\/api\/sandbox\/odoo\/([^/]+)(\/.*)?$/;

export type HandleSandboxOdooRequestOptions = {
  db?: OdooDb;
  /** Answer at `/` too (the standalone server). */
  serveRoot?: boolean;
};

export async function handleSandboxOdooRequest(
  req: Request,
  { db = defaultOdooDb, serveRoot = false }: HandleSandboxOdooRequestOptions = {},
): Promise<Response> {
  const url = new URL(req.url);
  const prefixed = PREFIX.exec(url.pathname);
  if (!prefixed && !serveRoot) return notFoundPage();
  const pinned = prefixed ? await findDatabase(db, decodeURIComponent(prefixed[1]!)) : null;
  if (prefixed && !pinned) return notFoundPage();
  const path = (prefixed ? (prefixed[2] ?? "/") : url.pathname).replace(/^\/+/, "").replace(/\/+$/, "");
  const header = req.headers.get("x-odoo-database");
  if (pinned && header && header !== pinned.name) return notFoundPage();
  const server: RpcServer = { db, pinned, headerDatabase: header };
  const selected = pinned ?? (header ? await findDatabase(db, header) : null);

  if (path === "jsonrpc" && req.method === "POST") return handleJsonRpc(req, server);
  const xmlrpc = /^xmlrpc\/2\/(common|object|db)$/.exec(path);
  if (xmlrpc && req.method === "POST") return handleXmlRpc(req, server, xmlrpc[1]!);
  if (path === "web/webclient/version_info" && req.method === "POST") return handleVersionInfo(req, server);
  if (!selected) return notFoundPage();
  const profile = versionProfile(selected.version);
  if ((path === "json/2" || path.startsWith("json/2/")) && profile.json2)
    return handleJson2(req, server, selected, path);
  if ((path === "web/version" || path === "json/version") && profile.json2 && req.method === "GET")
    return jsonResponse(200, { version_info: profile.info.server_version_info, version: profile.info.server_version });
  const admin = /^sandbox\/(faults|calls)$/.exec(path);
  if (admin && pinned) return handleSandboxAdmin(req, server, pinned, admin[1]!);
  return notFoundPage();
}
