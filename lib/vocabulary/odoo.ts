// The words of a store's Odoo connection: the protocol setting, what a connection test checks and
// what can go wrong. Plain constants, safe in the browser.

/** auto: JSON-2 from Odoo 19, JSON-RPC below; or one forced. */
export const ODOO_PROTOCOL_SETTINGS = ["auto", "json2", "jsonrpc"] as const;
export type OdooProtocolSetting = (typeof ODOO_PROTOCOL_SETTINGS)[number];
export const ODOO_PROTOCOL_LABEL: Record<OdooProtocolSetting, string> = {
  auto: "Automatic (JSON-2 from Odoo 19, JSON-RPC below)",
  json2: "JSON-2",
  jsonrpc: "JSON-RPC",
};

/** The Odoo versions Synco supports. */
export const SUPPORTED_ODOO_VERSIONS = [16, 17, 18, 19] as const;

/** Why a connection test failed, one word each, so the page and the tests can tell them apart. */
export const ODOO_CONNECTION_PROBLEMS = [
  "unreachable",
  "address",
  "not_odoo",
  "unsupported_version",
  "protocol",
  "database",
  "credentials",
  "rights",
  "error",
] as const;
export type OdooConnectionProblem = (typeof ODOO_CONNECTION_PROBLEMS)[number];

export const ODOO_OPERATIONS = ["read", "create", "write"] as const;
export type OdooOperation = (typeof ODOO_OPERATIONS)[number];

/** The models the sync reads and writes, and what it does with each. */
export const ODOO_SYNC_MODELS = [
  { model: "res.partner", label: "Contacts" },
  { model: "product.template", label: "Products" },
  { model: "product.product", label: "Product variants" },
  { model: "sale.order", label: "Sales orders" },
  { model: "sale.order.line", label: "Sales order lines" },
  { model: "account.move", label: "Invoices" },
] as const;
