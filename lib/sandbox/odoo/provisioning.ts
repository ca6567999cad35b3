// The sandbox Odoo's one door for the product: the HTTP handler the app mounts it with. As for
// the sandbox Shopify (lib/sandbox/shopify/provisioning.ts), a lint rule holds the product to this
// module and the sandbox to its own files and tables.
import type { HandleSandboxOdooRequestOptions } from "./handle-sandbox-odoo-request";

/** The sandbox Odoo's HTTP surface, loaded on first use. */
export async function handleSandboxOdooRequest(
  req: Request,
  options?: HandleSandboxOdooRequestOptions,
): Promise<Response> {
  const { handleSandboxOdooRequest: handle } = await import("./handle-sandbox-odoo-request");
  return handle(req, options);
}
