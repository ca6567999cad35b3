// /api/sandbox/odoo/:database/… — a sandbox Odoo server root for one database: /jsonrpc,
// /xmlrpc/2/*, /json/2/<model>/<method> (19), /web/webclient/version_info, /web/version (19),
// authenticated as Odoo does (API key or password in the call, bearer key for JSON-2).
import { handleSandboxOdooRequest } from "@/lib/sandbox/odoo/provisioning";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Every method reaches the handler, so that what Odoo refuses is refused in Odoo's words.
const handle = (req: Request) => handleSandboxOdooRequest(req);

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
