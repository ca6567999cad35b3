// Access rights per user, as Odoo's ir.model.access grants them to groups: each model lists which
// groups may read, write, create and unlink it. Users hold groups (res.users `groups_id`, 19:
// `group_ids`); administrators hold them all. Record rules are not emulated (docs/sandbox-odoo.md).
import { accessError } from "../odoo-exceptions";
import type { OdooEnv } from "./model-types";

export type Operation = "read" | "write" | "create" | "unlink";

export const SANDBOX_ODOO_GROUPS = {
  "base.group_user": "Internal User",
  "base.group_partner_manager": "Contact Creation",
  "sales_team.group_sale_salesman": "Sales / User: Own Documents Only",
  "sales_team.group_sale_manager": "Sales / Administrator",
  "account.group_account_invoice": "Invoicing / Billing",
  "base.group_system": "Administration / Settings",
} as const;
export type SandboxOdooGroup = keyof typeof SANDBOX_ODOO_GROUPS;

export const ALL_GROUPS = Object.keys(SANDBOX_ODOO_GROUPS) as SandboxOdooGroup[];

type Grant = [SandboxOdooGroup, string];
const READ_ONLY_FOR_USERS: Grant[] = [
  ["base.group_user", "r"],
  ["base.group_system", "rwcu"],
];
const SALES: Grant[] = [
  ["sales_team.group_sale_salesman", "rwc"],
  ["sales_team.group_sale_manager", "rwcu"],
  ["base.group_system", "rwcu"],
];

const ACL: Record<string, Grant[]> = {
  "res.partner": [
    ["base.group_user", "r"],
    ["base.group_partner_manager", "rwcu"],
    ["base.group_system", "rwcu"],
  ],
  "res.users": READ_ONLY_FOR_USERS,
  "res.company": READ_ONLY_FOR_USERS,
  "res.currency": READ_ONLY_FOR_USERS,
  "res.country": READ_ONLY_FOR_USERS,
  "uom.uom": READ_ONLY_FOR_USERS,
  "product.category": READ_ONLY_FOR_USERS,
  "account.tax": READ_ONLY_FOR_USERS,
  "product.template": [
    ["base.group_user", "r"],
    ["sales_team.group_sale_manager", "rwcu"],
    ["base.group_system", "rwcu"],
  ],
  "product.product": [
    ["base.group_user", "r"],
    ["sales_team.group_sale_manager", "rwcu"],
    ["base.group_system", "rwcu"],
  ],
  "sale.order": SALES,
  "sale.order.line": [
    ["sales_team.group_sale_salesman", "rwcu"],
    ["sales_team.group_sale_manager", "rwcu"],
    ["base.group_system", "rwcu"],
  ],
  "sale.advance.payment.inv": [
    ["sales_team.group_sale_salesman", "rwcu"],
    ["base.group_system", "rwcu"],
  ],
  "account.move": [
    ["sales_team.group_sale_salesman", "r"],
    ["account.group_account_invoice", "rwcu"],
    ["base.group_system", "rwcu"],
  ],
  "account.move.line": [
    ["sales_team.group_sale_salesman", "r"],
    ["account.group_account_invoice", "rwcu"],
    ["base.group_system", "rwcu"],
  ],
};

const LETTER: Record<Operation, string> = { read: "r", write: "w", create: "c", unlink: "u" };

export function hasAccess(groups: ReadonlySet<string>, model: string, operation: Operation): boolean {
  return (ACL[model] ?? []).some(([group, rights]) => groups.has(group) && rights.includes(LETTER[operation]));
}

const VERB: Record<Operation, string> = { read: "access", write: "modify", create: "create", unlink: "delete" };

/** Raises Odoo's AccessError (with the groups that would allow the operation) unless allowed. */
export function checkAccess(env: OdooEnv, model: string, description: string, operation: Operation): void {
  if (env.su || hasAccess(env.groups, model, operation)) return;
  const allowed = (ACL[model] ?? [])
    .filter(([, rights]) => rights.includes(LETTER[operation]))
    .map(([group]) => `\t- ${SANDBOX_ODOO_GROUPS[group]}`);
  const who = allowed.length
    ? `This operation is allowed for the following groups:\n${allowed.join("\n")}`
    : "No group currently allows this operation.";
  throw accessError(
    `You are not allowed to ${VERB[operation]} '${description}' (${model}) records.\n\n${who}\n\nContact your administrator to request access if necessary.`,
  );
}
