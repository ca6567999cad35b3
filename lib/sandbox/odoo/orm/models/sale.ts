// sale.order, sale.order.line and the invoicing wizard sale.advance.payment.inv (API-FACTS.md
// §4.3–4.4). Per version: the `done` state (16) or the `locked` Boolean (17+), the line's
// `product_uom`/`tax_id` (16–18) or `product_uom_id`/`tax_ids` (19), action_confirm's message,
// and `percentage` down payments up to 18. `_create_invoices` stays private: invoices come from
// the wizard's `create_invoices`, which returns an action, as in Odoo.
import { sql } from "drizzle-orm";
import { userError } from "../../odoo-exceptions";
import type { VersionProfile } from "../../versions";
import { checkAccess } from "../access";
import { recordAction } from "../generic-methods";
import type { ModelDef, OdooEnv, Vals } from "../model-types";
import { childRows, loadRows, nextNumbers, patchRows } from "../store";
import { lineAmounts, round } from "./account";
import { choices, defineModel, nowDatetime } from "./define-model";

export function saleModels(p: VersionProfile): ModelDef[] {
  const states = choices(["draft", "Quotation"], ["sent", "Quotation Sent"], ["sale", "Sales Order"]);
  if (!p.saleOrderLockedField) states.push(["done", "Locked"]);
  states.push(["cancel", "Cancelled"]);
  const uom = p.saleLineUomField;
  const tax = p.saleLineTaxField;

  const order = defineModel(p, {
    name: "sale.order",
    description: "Sales Order",
    order: "date_order desc, id desc",
    recName: "name",
    fields: {
      name: { type: "char", string: "Order Reference", required: true, default: () => "New" },
      partner_id: { type: "many2one", string: "Customer", relation: "res.partner", required: true },
      partner_invoice_id: { type: "many2one", string: "Invoice Address", relation: "res.partner", required: true },
      partner_shipping_id: { type: "many2one", string: "Delivery Address", relation: "res.partner", required: true },
      client_order_ref: { type: "char", string: "Customer Reference" },
      origin: { type: "char", string: "Source Document" },
      note: { type: "html", string: "Terms and conditions" },
      date_order: { type: "datetime", string: "Order Date", required: true, default: (env) => nowDatetime(env.now) },
      state: { type: "selection", string: "Status", selection: states, default: () => "draft" },
      locked: p.saleOrderLockedField && { type: "boolean", string: "Locked", default: () => false },
      user_id: { type: "many2one", string: "Salesperson", relation: "res.users", default: (env) => env.uid },
      company_id: { type: "many2one", string: "Company", relation: "res.company", required: true, default: () => 1 },
      currency_id: { type: "many2one", string: "Currency", relation: "res.currency", default: () => 1 },
      order_line: { type: "one2many", string: "Order Lines", relation: "sale.order.line", inverseName: "order_id" },
      amount_untaxed: { type: "monetary", string: "Untaxed Amount", storedCompute: true },
      amount_tax: { type: "monetary", string: "Taxes", storedCompute: true },
      amount_total: { type: "monetary", string: "Total", storedCompute: true },
      invoice_ids: { type: "many2many", string: "Invoices", relation: "account.move", computed: true },
      invoice_count: { type: "integer", string: "Invoice Count", computed: true },
      invoice_status: {
        type: "selection",
        string: "Invoice Status",
        selection: choices(
          ["upselling", "Upselling Opportunity"],
          ["invoiced", "Fully Invoiced"],
          ["to invoice", "To Invoice"],
          ["no", "Nothing to Invoice"],
        ),
        computed: true,
      },
    },
    prepareCreate: async (env, vals) => {
      vals.partner_invoice_id ??= vals.partner_id;
      vals.partner_shipping_id ??= vals.partner_id;
      if (vals.name === "New" || vals.name === null)
        vals.name = `S${String(await nextNumbers(env.pool, env.databaseId, "sale.order/name")).padStart(5, "0")}`;
      vals.amount_untaxed = vals.amount_tax = vals.amount_total = 0;
    },
    compute: async (env, records, fields) => {
      const invoicing = await orderInvoicing(
        env,
        records.map((r) => r.id),
      );
      for (const record of records) {
        const info = invoicing.get(record.id)!;
        if (fields.includes("invoice_ids")) record.vals.invoice_ids = info.invoiceIds;
        if (fields.includes("invoice_count")) record.vals.invoice_count = info.invoiceIds.length;
        if (fields.includes("invoice_status")) {
          const active = record.vals.state === "sale" || record.vals.state === "done";
          record.vals.invoice_status = !active
            ? "no"
            : info.toInvoice > 0
              ? "to invoice"
              : info.lines > 0 && info.fullyInvoiced
                ? "invoiced"
                : "no";
        }
      }
    },
    beforeUnlink: async (env, ids) => {
      const rows = await loadRows(env, "sale.order", ids);
      for (const vals of rows.values())
        if (vals.state !== "draft" && vals.state !== "cancel")
          throw userError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
    },
    methods: {
      action_confirm: recordAction("write", async (env, _model, ids) => {
        const rows = await loadRows(env, "sale.order", ids);
        const wrong = [...rows].filter(([, vals]) => vals.state !== "draft" && vals.state !== "sent");
        if (wrong.length) {
          const names = wrong.map(([, vals]) => vals.name).join(", ");
          throw userError(
            p.version === 16
              ? `It is not allowed to confirm an order in the following states: ${[...new Set(wrong.map(([, v]) => stateLabel(states, v.state)))].join(", ")}`
              : `The following orders are not in a state requiring confirmation: ${names}`,
          );
        }
        const lines = await childRows(env, "sale.order.line", "order_id", ids, sql.raw("r.id"));
        const lineRows = await loadRows(
          env,
          "sale.order.line",
          lines.map((l) => l.id),
        );
        if (p.version >= 17 && [...lineRows.values()].some((v) => !v.display_type && !v.product_id))
          throw userError("A line on these orders missing a product, you cannot confirm it.");
        const confirmed = nowDatetime(env.now);
        await patchRows(
          env,
          "sale.order",
          ids.map((id) => ({ id, patch: { state: "sale", date_order: confirmed } })),
        );
        return true;
      }),
      action_cancel: recordAction("write", async (env, _model, ids) => {
        const invoicing = await orderInvoicing(env, ids);
        const moves = await loadRows(
          env,
          "account.move",
          [...invoicing.values()].flatMap((i) => i.invoiceIds),
        );
        if ([...moves.values()].some((m) => m.state === "posted"))
          throw userError(
            "Cannot cancel this order because it has posted invoices; reset them to draft or cancel them first.",
          );
        await patchRows(
          env,
          "sale.order",
          ids.map((id) => ({ id, patch: { state: "cancel" } })),
        );
        return true;
      }),
      action_draft: recordAction("write", async (env, _model, ids) => {
        const rows = await loadRows(env, "sale.order", ids);
        const drafts = [...rows].filter(([, v]) => v.state === "cancel" || v.state === "sent").map(([id]) => id);
        await patchRows(
          env,
          "sale.order",
          drafts.map((id) => ({ id, patch: { state: "draft" } })),
        );
        return true;
      }),
      ...(p.saleOrderLockedField
        ? {
            action_lock: recordAction("write", async (env, _model, ids) => {
              await patchRows(
                env,
                "sale.order",
                ids.map((id) => ({ id, patch: { locked: true } })),
              );
              return true;
            }),
            action_unlock: recordAction("write", async (env, _model, ids) => {
              await patchRows(
                env,
                "sale.order",
                ids.map((id) => ({ id, patch: { locked: false } })),
              );
              return true;
            }),
          }
        : {
            action_done: recordAction("write", async (env, _model, ids) => {
              await patchRows(
                env,
                "sale.order",
                ids.map((id) => ({ id, patch: { state: "done" } })),
              );
              return true;
            }),
            action_unlock: recordAction("write", async (env, _model, ids) => {
              await patchRows(
                env,
                "sale.order",
                ids.map((id) => ({ id, patch: { state: "sale" } })),
              );
              return true;
            }),
          }),
    },
  });

  const line = defineModel(p, {
    name: "sale.order.line",
    description: "Sales Order Line",
    order: "order_id, sequence, id",
    recName: "name",
    fields: {
      order_id: {
        type: "many2one",
        string: "Order Reference",
        relation: "sale.order",
        required: true,
        ondelete: "cascade",
      },
      sequence: { type: "integer", string: "Sequence", default: () => 10 },
      name: { type: "text", string: "Description", required: true },
      product_id: { type: "many2one", string: "Product", relation: "product.product", ondelete: "restrict" },
      product_uom_qty: { type: "float", string: "Quantity", required: true, default: () => 1 },
      [uom]: { type: "many2one", string: "Unit of Measure", relation: "uom.uom" },
      price_unit: { type: "float", string: "Unit Price", required: true },
      discount: { type: "float", string: "Discount (%)", default: () => 0 },
      [tax]: { type: "many2many", string: "Taxes", relation: "account.tax" },
      price_subtotal: { type: "monetary", string: "Subtotal", storedCompute: true },
      price_tax: { type: "float", string: "Total Tax", storedCompute: true },
      price_total: { type: "monetary", string: "Total", storedCompute: true },
      qty_delivered: { type: "float", string: "Delivery Quantity", default: () => 0 },
      qty_invoiced: { type: "float", string: "Invoiced Quantity", computed: true },
      qty_to_invoice: { type: "float", string: "Quantity To Invoice", computed: true },
      display_type: {
        type: "selection",
        string: "Display Type",
        selection: choices(["line_section", "Section"], ["line_note", "Note"]),
      },
      state: { type: "selection", string: "Order Status", selection: states, computed: true },
      invoice_lines: { type: "many2many", string: "Invoice Lines", relation: "account.move.line", computed: true },
    },
    prepareCreate: async (env, vals) => {
      const orders = await loadRows(env, "sale.order", [vals.order_id as number]);
      const parent = orders.get(vals.order_id as number);
      if (parent && (parent.locked || parent.state === "done" || parent.state === "cancel"))
        throw userError("You cannot add lines to a locked or cancelled order.");
      if (typeof vals.product_id !== "number") return;
      const { readRecords } = await import("../records");
      const product = env.registry.models.get("product.product")!;
      const [info] = await readRecords(
        { ...env, su: true },
        product,
        [vals.product_id],
        ["display_name", "lst_price", "uom_id", "taxes_id"],
        null,
      );
      if (!info) return;
      vals.name ??= info.display_name;
      vals.price_unit ??= info.lst_price;
      vals[uom] ??= info.uom_id;
    },
    afterCreate: async (env, ids) => recomputeOrders(env, ids, tax),
    afterWrite: async (env, ids) => recomputeOrders(env, ids, tax),
    compute: async (env, records, fields) => {
      const invoiced = await invoicedQuantities(
        env,
        records.map((r) => r.id),
      );
      const orders = await loadRows(
        env,
        "sale.order",
        records.map((r) => r.vals.order_id as number),
      );
      const policies = await productPolicies(
        env,
        records.map((r) => r.vals),
      );
      for (const record of records) {
        const done = invoiced.get(record.id) ?? { qty: 0, lines: [] };
        const order = orders.get(record.vals.order_id as number);
        if (fields.includes("qty_invoiced")) record.vals.qty_invoiced = done.qty;
        if (fields.includes("invoice_lines")) record.vals.invoice_lines = done.lines;
        if (fields.includes("state")) record.vals.state = order?.state ?? "draft";
        if (fields.includes("qty_to_invoice"))
          record.vals.qty_to_invoice = toInvoice(
            record.vals,
            order,
            policies.get(record.vals.product_id as number),
            done.qty,
          );
      }
    },
  });

  const methods = choices(["delivered", "Regular invoice"]);
  if (p.percentageDownPayment) methods.push(["percentage", "Down payment (percentage)"]);
  methods.push(["fixed", "Down payment (fixed amount)"]);
  const wizard = defineModel(p, {
    name: "sale.advance.payment.inv",
    description: "Sales Advance Payment Invoice",
    order: "id",
    recName: "id",
    transient: true,
    fields: {
      advance_payment_method: {
        type: "selection",
        string: "Create Invoice",
        selection: methods,
        required: true,
        default: () => "delivered",
      },
      sale_order_ids: { type: "many2many", string: "Sales Orders", relation: "sale.order" },
      amount: { type: "float", string: "Down Payment Amount" },
      fixed_amount: { type: "monetary", string: "Down Payment Amount (Fixed)" },
    },
    // The field's default reads the context's active_ids, as the wizard opened from orders does.
    afterCreate: async (env, ids) => {
      const active = env.context.active_model === "sale.order" ? env.context.active_ids : undefined;
      if (!Array.isArray(active)) return;
      const rows = await loadRows(env, "sale.advance.payment.inv", ids);
      const orders = active.filter((x): x is number => typeof x === "number");
      const empty = ids.filter((id) => !((rows.get(id)?.sale_order_ids as number[] | undefined) ?? []).length);
      await patchRows(
        env,
        "sale.advance.payment.inv",
        empty.map((id) => ({ id, patch: { sale_order_ids: orders } })),
      );
    },
    methods: {
      create_invoices: recordAction("write", async (env, _model, ids) => {
        const wizards = await loadRows(env, "sale.advance.payment.inv", ids);
        const invoices: number[] = [];
        for (const vals of wizards.values()) {
          if (vals.advance_payment_method !== "delivered")
            throw userError("The sandbox Odoo invoices delivered quantities only; down payments are not emulated.");
          invoices.push(...(await createInvoices(env, (vals.sale_order_ids as number[]) ?? [], tax)));
        }
        return invoiceAction(invoices);
      }),
    },
  });
  return [order, line, wizard];
}

function stateLabel(states: [string, string][], state: unknown) {
  return states.find(([key]) => key === state)?.[1] ?? String(state);
}

async function productPolicies(env: OdooEnv, lines: Vals[]): Promise<Map<number, string>> {
  const productIds = [...new Set(lines.map((l) => l.product_id).filter((x): x is number => typeof x === "number"))];
  const products = await loadRows(env, "product.product", productIds);
  const templates = await loadRows(
    env,
    "product.template",
    [...products.values()].map((v) => v.product_tmpl_id as number),
  );
  return new Map(
    [...products].map(([id, v]) => [id, String(templates.get(v.product_tmpl_id as number)?.invoice_policy ?? "order")]),
  );
}

function toInvoice(line: Vals, order: Vals | undefined, policy: string | undefined, invoiced: number): number {
  if (line.display_type || !order || (order.state !== "sale" && order.state !== "done")) return 0;
  const basis = policy === "delivery" ? Number(line.qty_delivered ?? 0) : Number(line.product_uom_qty ?? 0);
  return round(basis - invoiced);
}

/** Invoiced quantity of sale lines: their linked invoice lines on moves not cancelled. */
async function invoicedQuantities(
  env: OdooEnv,
  lineIds: number[],
): Promise<Map<number, { qty: number; lines: number[] }>> {
  const out = new Map<number, { qty: number; lines: number[] }>();
  if (lineIds.length === 0) return out;
  const result = await env.tx.execute<{ sale_line: number; id: number; quantity: number }>(sql`
    select s.v::int as sale_line, l.id, coalesce((l.vals->>'quantity')::float8, 0) as quantity
    from sandbox_odoo_records l
    cross join lateral jsonb_array_elements_text(coalesce(l.vals->'sale_line_ids', '[]'::jsonb)) as s(v)
    join sandbox_odoo_records m on m.database_id = l.database_id and m.model = 'account.move' and m.id = (l.vals->>'move_id')::int
    where l.database_id = ${env.databaseId} and l.model = 'account.move.line'
      and s.v::int = any(${`{${lineIds.join(",")}}`}::int[]) and m.vals->>'state' <> 'cancel'`);
  for (const row of result.rows) {
    const entry = out.get(Number(row.sale_line)) ?? { qty: 0, lines: [] };
    entry.qty = round(entry.qty + Number(row.quantity));
    entry.lines.push(Number(row.id));
    out.set(Number(row.sale_line), entry);
  }
  return out;
}

async function orderInvoicing(env: OdooEnv, orderIds: number[]) {
  const lines = await childRows(env, "sale.order.line", "order_id", orderIds, sql.raw("r.id"));
  const lineRows = await loadRows(
    env,
    "sale.order.line",
    lines.map((l) => l.id),
  );
  const invoiced = await invoicedQuantities(
    env,
    lines.map((l) => l.id),
  );
  const orders = await loadRows(env, "sale.order", orderIds);
  const policies = await productPolicies(env, [...lineRows.values()]);
  const invoiceLineIds = [...invoiced.values()].flatMap((v) => v.lines);
  const invoiceLines = await loadRows(env, "account.move.line", invoiceLineIds);
  const out = new Map<number, { invoiceIds: number[]; toInvoice: number; lines: number; fullyInvoiced: boolean }>();
  for (const id of orderIds) out.set(id, { invoiceIds: [], toInvoice: 0, lines: 0, fullyInvoiced: true });
  for (const line of lines) {
    const vals = lineRows.get(line.id)!;
    if (vals.display_type) continue;
    const info = out.get(line.parent)!;
    const done = invoiced.get(line.id) ?? { qty: 0, lines: [] };
    const remaining = toInvoice(vals, orders.get(line.parent), policies.get(vals.product_id as number), done.qty);
    info.lines += 1;
    info.toInvoice += Math.max(0, remaining);
    if (done.qty < Number(vals.product_uom_qty ?? 0)) info.fullyInvoiced = false;
    for (const invoiceLine of done.lines) {
      const moveId = invoiceLines.get(invoiceLine)?.move_id as number | undefined;
      if (moveId && !info.invoiceIds.includes(moveId)) info.invoiceIds.push(moveId);
    }
  }
  for (const info of out.values()) info.invoiceIds.sort((a, b) => b - a);
  return out;
}

async function recomputeOrders(env: OdooEnv, lineIds: number[], taxField: string) {
  const lines = await loadRows(env, "sale.order.line", lineIds);
  const orderIds = [...new Set([...lines.values()].map((v) => v.order_id as number))];
  const all = await childRows(env, "sale.order.line", "order_id", orderIds, sql.raw("r.id"));
  const rows = await loadRows(
    env,
    "sale.order.line",
    all.map((l) => l.id),
  );
  const taxes = await loadRows(env, "account.tax", [
    ...new Set([...rows.values()].flatMap((v) => (v[taxField] as number[]) ?? [])),
  ]);
  const totals = new Map<number, { untaxed: number; tax: number }>();
  const linePatches = [];
  for (const [id, vals] of rows) {
    const amounts = lineAmounts(
      vals.product_uom_qty,
      vals.price_unit,
      vals.discount,
      (vals[taxField] as number[]) ?? [],
      taxes,
    );
    linePatches.push({
      id,
      patch: {
        price_subtotal: amounts.subtotal,
        price_tax: amounts.tax,
        price_total: round(amounts.subtotal + amounts.tax),
      },
    });
    const sum = totals.get(vals.order_id as number) ?? { untaxed: 0, tax: 0 };
    sum.untaxed += amounts.subtotal;
    sum.tax += amounts.tax;
    totals.set(vals.order_id as number, sum);
  }
  await patchRows(env, "sale.order.line", linePatches);
  await patchRows(
    env,
    "sale.order",
    orderIds.map((id) => {
      const sum = totals.get(id) ?? { untaxed: 0, tax: 0 };
      return {
        id,
        patch: {
          amount_untaxed: round(sum.untaxed),
          amount_tax: round(sum.tax),
          amount_total: round(sum.untaxed + sum.tax),
        },
      };
    }),
  );
}

/** What sale.order._create_invoices does for regular invoices (the wizard's `delivered`). */
async function createInvoices(env: OdooEnv, orderIds: number[], taxField: string): Promise<number[]> {
  checkAccess(env, "sale.order", "Sales Order", "read");
  const { createRecords, readRecords } = await import("../records");
  const su = { ...env, su: true };
  const lineModel = env.registry.models.get("sale.order.line")!;
  const orders = await loadRows(env, "sale.order", orderIds);
  const children = await childRows(
    env,
    "sale.order.line",
    "order_id",
    orderIds,
    sql.raw("(r.vals->>'sequence')::int, r.id"),
  );
  const lines = await readRecords(
    su,
    lineModel,
    children.map((c) => c.id),
    ["order_id", "name", "product_id", "price_unit", "discount", taxField, "qty_to_invoice", "display_type"],
    null,
  );
  const invoiceVals: Vals[] = [];
  for (const [orderId, vals] of orders) {
    const mine = lines.filter((l) => l.order_id === orderId && !l.display_type && Number(l.qty_to_invoice) > 0);
    if (!mine.length) continue;
    invoiceVals.push({
      move_type: "out_invoice",
      partner_id: vals.partner_invoice_id,
      invoice_origin: vals.name,
      ref: vals.client_order_ref ?? "",
      currency_id: vals.currency_id ?? 1,
      invoice_line_ids: mine.map((l) => [
        0,
        0,
        {
          name: l.name,
          product_id: l.product_id,
          quantity: l.qty_to_invoice,
          price_unit: l.price_unit,
          discount: l.discount,
          tax_ids: [[6, 0, l[taxField]]],
          sale_line_ids: [[6, 0, [l.id]]],
        },
      ]),
    });
  }
  if (!invoiceVals.length)
    throw userError(
      "There is no invoiceable line. If a product has a Delivered quantities invoicing policy, please make sure that a quantity has been delivered.",
    );
  return createRecords(su, env.registry.models.get("account.move")!, invoiceVals);
}

/** sale.order.action_view_invoice's answer: the invoice's form, or a list of several. */
function invoiceAction(ids: number[]) {
  const base = {
    type: "ir.actions.act_window",
    name: "Invoices",
    res_model: "account.move",
    context: { default_move_type: "out_invoice" },
  };
  if (ids.length === 1) return { ...base, view_mode: "form", views: [[false, "form"]], res_id: ids[0] };
  return {
    ...base,
    view_mode: "list,form",
    views: [
      [false, "list"],
      [false, "form"],
    ],
    domain: [["id", "in", ids]],
  };
}
