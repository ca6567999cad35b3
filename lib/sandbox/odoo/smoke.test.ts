import { describe, expect, it } from "vitest";
import {
  executeKw,
  json2,
  jsonRpc,
  newDatabase,
  rootOf,
  startSandboxOdooForTests,
} from "./testing/sandbox-odoo-for-tests";

const baseUrl = startSandboxOdooForTests();

describe("smoke", () => {
  it("works on 17 and 19", async () => {
    for (const version of [17, 19] as const) {
      const db = await newDatabase(version);
      const root = rootOf(baseUrl(), db.name);
      const call = executeKw(root, db);
      const auth = await jsonRpc(root, "common", "authenticate", [db.name, "admin", db.apiKey, {}]);
      expect(auth.body.result).toBe(2);
      const created = await call("res.partner", "create", [{ name: "Deco Addict", email: "deco@example.com" }]);
      expect(created.body.error).toBeUndefined();
      expect(typeof created.body.result).toBe("number");
      const read = await call("res.partner", "search_read", [[["email", "=", "deco@example.com"]]], {
        fields: ["name", "country_id"],
      });
      expect(read.body.result).toEqual([{ id: created.body.result, name: "Deco Addict", country_id: false }]);
      const tmpl = await call("product.template", "create", [{ name: "Mug", default_code: "MUG-1", list_price: 12 }]);
      expect(tmpl.body.error).toBeUndefined();
      const variants = await call("product.product", "search_read", [[["default_code", "=", "MUG-1"]]], {
        fields: ["name", "display_name", "lst_price"],
      });
      expect(variants.body.result).toMatchObject([{ name: "Mug", display_name: "[MUG-1] Mug", lst_price: 12 }]);
      const productId = (variants.body.result as { id: number }[])[0]!.id;
      const order = await call("sale.order", "create", [
        {
          partner_id: created.body.result,
          client_order_ref: "#1001",
          order_line: [[0, 0, { product_id: productId, product_uom_qty: 2 }]],
        },
      ]);
      expect(order.body.error).toBeUndefined();
      const confirm = await call("sale.order", "action_confirm", [[order.body.result]]);
      expect(confirm.body.result).toBe(true);
      const wizard = await call("sale.advance.payment.inv", "create", [
        { advance_payment_method: "delivered", sale_order_ids: [[6, 0, [order.body.result]]] },
      ]);
      expect(wizard.body.error).toBeUndefined();
      const action = await call("sale.advance.payment.inv", "create_invoices", [[wizard.body.result]]);
      expect(action.body.error).toBeUndefined();
      const so = await call("sale.order", "read", [
        [order.body.result],
        ["invoice_ids", "amount_total", "invoice_status"],
      ]);
      expect(so.body.result).toMatchObject([{ amount_total: 24, invoice_status: "invoiced" }]);
      const invoiceId = (so.body.result as { invoice_ids: number[] }[])[0]!.invoice_ids[0];
      const post = await call("account.move", "action_post", [[invoiceId]]);
      expect(post.body).toMatchObject({ result: false });
      const bad = await call("res.partner", "write", [[999999], { name: "x" }]);
      expect(bad.body.error?.data.name).toBe("odoo.exceptions.MissingError");
      expect(bad.body.error?.code).toBe(version === 19 ? 0 : 200);
      if (version === 19) {
        const j = await json2(root, db.apiKey, "res.partner", "search_read", {
          domain: [["id", "=", created.body.result]],
          fields: ["name"],
        });
        expect(j.status).toBe(200);
        expect(j.body).toEqual([{ id: created.body.result, name: "Deco Addict" }]);
      }
    }
  });
});
