// POST /xmlrpc/2/<service>: the same services over XML-RPC. Errors are faults with Odoo's codes:
// 1 application error (faultString is the traceback), 2 UserError family, 3 AccessDenied,
// 4 AccessError. HTTP 200 and text/xml either way.
import { OdooException } from "../odoo-exceptions";
import { databaseOfCall, dispatchRpc, type RpcServer } from "../rpc/dispatch-rpc";
import { applyFault } from "./apply-fault";
import { asOdooException, logged } from "./jsonrpc";
import { xmlResponse } from "./responses";
import { faultResponse, methodResponse, parseMethodCall } from "./xmlrpc-codec";

const fault = (error: OdooException) =>
  xmlResponse(faultResponse(error.faultCode, error.faultCode === 1 ? error.debug : error.message));

export async function handleXmlRpc(req: Request, server: RpcServer, service: string): Promise<Response> {
  const started = Date.now();
  let call;
  try {
    const parsed = parseMethodCall(await req.text());
    call = { service, method: parsed.method, params: parsed.params };
  } catch (error) {
    return fault(
      new OdooException("xml.parsers.expat.ExpatError", error instanceof Error ? error.message : "syntax error"),
    );
  }
  const database = await databaseOfCall(server, call);
  const args = call.params;
  const target =
    service === "object" && typeof args[3] === "string" ? `${args[3]}.${String(args[4])}` : `${service}.${call.method}`;
  if (database) {
    const injected = await applyFault(server.db, database, "xmlrpc", target);
    if (injected instanceof Response) return injected;
    if (injected) return logged(server, database, target, null, started, injected, fault(injected), "xmlrpc");
  }
  try {
    const { result, uid } = await dispatchRpc(server, database, call);
    let body: string;
    try {
      body = methodResponse(result);
    } catch (error) {
      throw new OdooException("builtins.TypeError", error instanceof Error ? error.message : String(error));
    }
    return logged(server, database, target, uid, started, null, xmlResponse(body), "xmlrpc");
  } catch (error) {
    const odoo = asOdooException(error);
    return logged(server, database, target, null, started, odoo, fault(odoo), "xmlrpc");
  }
}
