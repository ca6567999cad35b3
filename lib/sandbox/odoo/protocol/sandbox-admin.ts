// The sandbox's own endpoints, not Odoo's: …/<db>/sandbox/faults (GET, POST replaces, DELETE
// clears) and …/<db>/sandbox/calls (GET, newest first, ?limit=&before=), authenticated by a bearer
// API key of a user in Administration / Settings of that database.
import type { SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import { authenticateBearer } from "../auth/authenticate-user";
import { listSandboxOdooCalls } from "../call-log";
import { databaseFaults, setSandboxOdooFaults } from "../faults/database-faults";
import { ZSandboxOdooFaultsInput } from "../faults/sandbox-odoo-faults";
import type { RpcServer } from "../rpc/dispatch-rpc";
import { jsonResponse } from "./responses";

export async function handleSandboxAdmin(req: Request, server: RpcServer, database: SandboxOdooDatabase, what: string) {
  const bearer = /^bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "");
  const caller = bearer ? await authenticateBearer(server.db, database, bearer[1]!.trim()) : null;
  if (!caller)
    return jsonResponse(
      401,
      { error: "a bearer API key of this database is required" },
      { "www-authenticate": "bearer" },
    );
  if (!caller.groups.has("base.group_system"))
    return jsonResponse(403, { error: "only users in Administration / Settings manage the sandbox" });
  if (what === "calls") {
    if (req.method !== "GET") return jsonResponse(405, { error: "Method Not Allowed" }, { allow: "GET" });
    const url = new URL(req.url);
    const limit = Number(url.searchParams.get("limit") ?? 100);
    const before = url.searchParams.get("before");
    const calls = await listSandboxOdooCalls({
      databaseId: database.id,
      limit,
      before: before ? Number(before) : undefined,
      db: server.db,
    });
    return jsonResponse(200, { calls });
  }
  if (req.method === "GET") return jsonResponse(200, { faults: (await databaseFaults(server.db, database.id)).faults });
  if (req.method === "DELETE")
    return jsonResponse(200, {
      faults: await setSandboxOdooFaults({ databaseId: database.id, faults: null, db: server.db }),
    });
  if (req.method !== "POST") return jsonResponse(405, { error: "Method Not Allowed" }, { allow: "GET, POST, DELETE" });
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return jsonResponse(400, { error: "the body is not JSON" });
  }
  const parsed = ZSandboxOdooFaultsInput.safeParse(body);
  if (!parsed.success)
    return jsonResponse(422, {
      errors: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  return jsonResponse(200, {
    faults: await setSandboxOdooFaults({ databaseId: database.id, faults: parsed.data, db: server.db }),
  });
}
