// account.move (customer invoices) and its lines (API-FACTS.md §4.4): draft moves are named "/",
// action_post numbers them INV/<year>/<n>, posts and returns False (on purpose, in every version).
import { sql } from "drizzle-orm";
import { userError } from "../../odoo-exceptions";
import type { VersionProfile } from "../../versions";
import { recordAction } from "../generic-methods";
import type { ModelDef, OdooEnv } from "../model-types";
import { childRows, loadRows, nextNumbers, patchRows } from "../store";
import { choices, defineModel, today } from "./define-model";

const MOVE_TYPES = choices(
  ["entry", "Journal Entry"],
  ["out_invoice", "Customer Invoice"],
  ["out_refund", "Customer Credit Note"],
  ["in_invoice", "Vendor Bill"],
  ["in_refund", "Vendor Credit Note"],
  ["out_receipt", "Sales Receipt"],
  ["in_receipt", "Purchase Receipt"],
);

export function accountModels(p: VersionProfile): ModelDef[] {
  const move = defineModel(p, {
    name: "account.move",
    description: "Journal Entry",
    order: "date desc, name desc, id desc",
    recName: "name",
    fields: {
      name: { type: "char", string: "Number", default: () => "/" },
      ref: { type: "char", string: "Reference" },
      date: { type: "date", string: "Date", required: true, default: (env) => today(env.now) },
      move_type: { type: "selection", string: "Type", selection: MOVE_TYPES, required: true, default: () => "entry" },
      state: {
        type: "selection",
        string: "Status",
        selection: choices(["draft", "Draft"], ["posted", "Posted"], ["cancel", "Cancelled"]),
        required: true,
        default: () => "draft",
      },
      partner_id: { type: "many2one", string: "Partner", relation: "res.partner", ondelete: "restrict" },
      invoice_date: { type: "date", string: "Invoice/Bill Date" },
      invoice_origin: { type: "char", string: "Origin" },
      currency_id: { type: "many2one", string: "Currency", relation: "res.currency", required: true, default: () => 1 },
      company_id: { type: "many2one", string: "Company", relation: "res.company", required: true, default: () => 1 },
      invoice_line_ids: {
        type: "one2many",
        string: "Invoice lines",
        relation: "account.move.line",
        inverseName: "move_id",
      },
      amount_untaxed: { type: "monetary", string: "Untaxed Amount", storedCompute: true },
      amount_tax: { type: "monetary", string: "Tax", storedCompute: true },
      amount_total: { type: "monetary", string: "Total", storedCompute: true },
      amount_residual: { type: "monetary", string: "Amount Due", storedCompute: true },
      payment_state: {
        type: "selection",
        string: "Payment Status",
        selection: choices(
          ["not_paid", "Not Paid"],
          ["in_payment", "In Payment"],
          ["paid", "Paid"],
          ["partial", "Partially Paid"],
          ["reversed", "Reversed"],
          ["invoicing_legacy", "Invoicing App Legacy"],
        ),
        default: () => "not_paid",
      },
    },
    methods: {
      action_post: recordAction("write", async (env, _model, ids) => {
        const moves = await loadRows(env, "account.move", ids);
        const lines = await childRows(env, "account.move.line", "move_id", ids, sql.raw("r.id"));
        for (const id of ids) {
          const vals = moves.get(id);
          if (!vals) continue;
          if (vals.state === "posted") throw userError(`The entry ${vals.name} (id ${id}) is already posted.`);
          if (!lines.some((line) => line.parent === id)) throw userError("You need to add a line before posting.");
          if (vals.move_type !== "entry" && !vals.partner_id)
            throw userError("The field 'Customer' is required, please complete it to validate the Customer Invoice.");
        }
        for (const id of ids) {
          const vals = moves.get(id)!;
          const date = (vals.invoice_date as string) ?? today(env.now);
          const year = date.slice(0, 4);
          const prefix = vals.move_type === "out_refund" ? "RINV" : vals.move_type === "in_invoice" ? "BILL" : "INV";
          const number =
            vals.name && vals.name !== "/"
              ? vals.name
              : `${prefix}/${year}/${String(await nextNumbers(env.pool, env.databaseId, `account.move/${prefix}/${year}`)).padStart(5, "0")}`;
          await patchRows(env, "account.move", [{ id, patch: { state: "posted", name: number, invoice_date: date } }]);
        }
        // Odoo returns False on purpose (XML-RPC cannot marshal None).
        return false;
      }),
      button_draft: recordAction("write", async (env, _model, ids) => {
        await patchRows(
          env,
          "account.move",
          ids.map((id) => ({ id, patch: { state: "draft" } })),
        );
        return true;
      }),
      button_cancel: recordAction("write", async (env, _model, ids) => {
        const moves = await loadRows(env, "account.move", ids);
        for (const [id, vals] of moves)
          if (vals.state !== "draft")
            throw userError(`Only draft journal entries can be cancelled. (${vals.name}, id ${id})`);
        await patchRows(
          env,
          "account.move",
          ids.map((id) => ({ id, patch: { state: "cancel" } })),
        );
        return true;
      }),
    },
    beforeUnlink: async (env, ids) => {
      const moves = await loadRows(env, "account.move", ids);
      for (const vals of moves.values())
        if (vals.state === "posted") throw userError("You cannot delete an entry which has been posted once.");
    },
  });

  const line = defineModel(p, {
    name: "account.move.line",
    description: "Journal Item",
    order: "date desc, move_name desc, id",
    recName: "name",
    fields: {
      move_id: {
        type: "many2one",
        string: "Journal Entry",
        relation: "account.move",
        required: true,
        ondelete: "cascade",
      },
      move_name: { type: "char", string: "Number", storedCompute: true },
      date: { type: "date", string: "Date", storedCompute: true },
      name: { type: "char", string: "Label" },
      product_id: { type: "many2one", string: "Product", relation: "product.product", ondelete: "restrict" },
      quantity: { type: "float", string: "Quantity", default: () => 1 },
      price_unit: { type: "float", string: "Unit Price", default: () => 0 },
      discount: { type: "float", string: "Discount (%)", default: () => 0 },
      tax_ids: { type: "many2many", string: "Taxes", relation: "account.tax" },
      price_subtotal: { type: "monetary", string: "Subtotal", storedCompute: true },
      price_total: { type: "monetary", string: "Total", storedCompute: true },
      display_type: {
        type: "selection",
        string: "Display Type",
        selection: choices(["product", "Product"], ["line_section", "Section"], ["line_note", "Note"]),
        default: () => "product",
      },
      sale_line_ids: { type: "many2many", string: "Sales Order Lines", relation: "sale.order.line" },
    },
    prepareCreate: async (env, vals) => {
      const moves = await loadRows(env, "account.move", [vals.move_id as number]);
      const move = moves.get(vals.move_id as number);
      if (move?.state === "posted") throw userError("You cannot modify a posted entry of this journal.");
      vals.move_name = move?.name ?? "/";
      vals.date = move?.date ?? today(env.now);
      if (vals.name === null && typeof vals.product_id === "number")
        vals.name = await productLabel(env, vals.product_id);
    },
    afterCreate: async (env, ids) => recomputeMoves(env, ids),
    afterWrite: async (env, ids) => recomputeMoves(env, ids),
  });
  return [move, line];
}

async function productLabel(env: OdooEnv, productId: number): Promise<string | null> {
  const { displayNames } = await import("../records");
  return (await displayNames(env, "product.product", [productId])).get(productId) ?? null;
}

/** Line subtotals and the moves' totals, after lines changed. */
export async function recomputeMoves(env: OdooEnv, lineIds: number[]) {
  const lines = await loadRows(env, "account.move.line", lineIds);
  const moveIds = [...new Set([...lines.values()].map((v) => v.move_id as number))];
  const all = await childRows(env, "account.move.line", "move_id", moveIds, sql.raw("r.id"));
  const rows = await loadRows(
    env,
    "account.move.line",
    all.map((l) => l.id),
  );
  const taxes = await loadRows(env, "account.tax", [
    ...new Set([...rows.values()].flatMap((v) => (v.tax_ids as number[]) ?? [])),
  ]);
  const totals = new Map<number, { untaxed: number; tax: number }>();
  const linePatches = [];
  for (const [id, vals] of rows) {
    const { subtotal, tax } = lineAmounts(
      vals.quantity,
      vals.price_unit,
      vals.discount,
      (vals.tax_ids as number[]) ?? [],
      taxes,
    );
    linePatches.push({ id, patch: { price_subtotal: subtotal, price_total: round(subtotal + tax) } });
    const sum = totals.get(vals.move_id as number) ?? { untaxed: 0, tax: 0 };
    sum.untaxed += subtotal;
    sum.tax += tax;
    totals.set(vals.move_id as number, sum);
  }
  await patchRows(env, "account.move.line", linePatches);
  await patchRows(
    env,
    "account.move",
    moveIds.map((id) => {
      const sum = totals.get(id) ?? { untaxed: 0, tax: 0 };
      const total = round(sum.untaxed + sum.tax);
      return {
        id,
        patch: {
          amount_untaxed: round(sum.untaxed),
          amount_tax: round(sum.tax),
          amount_total: total,
          amount_residual: total,
        },
      };
    }),
  );
}

export const round = (n: number) => Math.round(n * 100) / 100;

export function lineAmounts(
  quantity: unknown,
  priceUnit: unknown,
  discount: unknown,
  taxIds: number[],
  taxes: Map<number, Record<string, unknown>>,
): { subtotal: number; tax: number } {
  const subtotal = round(Number(quantity ?? 0) * Number(priceUnit ?? 0) * (1 - Number(discount ?? 0) / 100));
  const rate = taxIds.reduce((sum, id) => sum + Number(taxes.get(id)?.amount ?? 0), 0);
  return { subtotal, tax: round((subtotal * rate) / 100) };
}
