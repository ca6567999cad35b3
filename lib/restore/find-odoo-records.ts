// The Odoo side of a batch of restore rows: which records still exist and the keys they hold now,
// read in a few batched `search_read` calls per type (archived records count: they still exist).
// A product's key is its variants' internal references (`default_code`), an order's its customer
// reference and source (`client_order_ref`, `origin`), a customer's email.
import type { OdooClient, OdooRecord } from "@/lib/odoo/create-odoo-client";
import type { ResourceType } from "@/lib/vocabulary/sync";

export type OdooKeys = {
  /** Customers: email, lower-cased. */
  email?: string | null;
  /** Products: the template's and its variants' internal references. */
  codes?: string[];
  /** Orders: the Odoo order number, the customer reference and the source document. */
  orderName?: string;
  references?: string[];
  invoiceIds?: number[];
};

export const ODOO_MODEL: Record<ResourceType, string> = {
  customer: "res.partner",
  product: "product.template",
  order: "sale.order",
};

const IDS_PER_CALL = 1000;
const EVERY_RECORD = { active_test: false };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const many2oneId = (value: unknown) =>
  Array.isArray(value) ? Number(value[0]) : typeof value === "number" ? value : null;

/** The records of `ids` that exist, by id, with their keys. */
export async function findOdooRecords(
  odoo: OdooClient,
  type: ResourceType,
  ids: number[],
  signal?: AbortSignal,
): Promise<Map<number, OdooKeys>> {
  const found = new Map<number, OdooKeys>();
  for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
    signal?.throwIfAborted();
    const part = ids.slice(start, start + IDS_PER_CALL);
    const domain = [["id", "in", part]];
    if (type === "customer") {
      const partners = await odoo.searchRead("res.partner", { domain, fields: ["email"], context: EVERY_RECORD });
      for (const partner of partners) found.set(partner.id, { email: text(partner.email)?.toLowerCase() ?? null });
    } else if (type === "product") {
      const templates = await odoo.searchRead("product.template", {
        domain,
        fields: ["default_code"],
        context: EVERY_RECORD,
      });
      for (const template of templates) {
        const code = text(template.default_code);
        found.set(template.id, { codes: code ? [code] : [] });
      }
      const variants: OdooRecord[] = templates.length
        ? await odoo.searchRead("product.product", {
            domain: [["product_tmpl_id", "in", templates.map((template) => template.id)]],
            fields: ["default_code", "product_tmpl_id"],
            context: EVERY_RECORD,
          })
        : [];
      for (const variant of variants) {
        const code = text(variant.default_code);
        const template = found.get(many2oneId(variant.product_tmpl_id) ?? -1);
        if (code && template && !template.codes!.includes(code)) template.codes!.push(code);
      }
    } else {
      const orders = await odoo.searchRead("sale.order", {
        domain,
        fields: ["name", "client_order_ref", "origin", "invoice_ids"],
        context: EVERY_RECORD,
      });
      for (const order of orders)
        found.set(order.id, {
          orderName: text(order.name) ?? "",
          references: [text(order.client_order_ref), text(order.origin)].filter((ref): ref is string => ref !== null),
          invoiceIds: Array.isArray(order.invoice_ids) ? order.invoice_ids.map(Number) : [],
        });
    }
  }
  return found;
}
