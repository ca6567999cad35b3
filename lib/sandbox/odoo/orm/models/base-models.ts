// The reference models the sync's records point to: companies, currencies, countries, units of
// measure, product categories and taxes (read-only for ordinary users), and res.users.
import type { VersionProfile } from "../../versions";
import type { ModelDef } from "../model-types";
import { choices, defineModel } from "./define-model";

export function baseModels(p: VersionProfile): ModelDef[] {
  return [
    defineModel(p, {
      name: "res.company",
      description: "Companies",
      order: "sequence, name",
      recName: "name",
      fields: {
        name: { type: "char", string: "Company Name", required: true },
        sequence: { type: "integer", string: "Sequence", default: () => 10 },
        currency_id: {
          type: "many2one",
          string: "Currency",
          relation: "res.currency",
          required: true,
          default: () => 1,
        },
        partner_id: { type: "many2one", string: "Partner", relation: "res.partner" },
      },
    }),
    defineModel(p, {
      name: "res.currency",
      description: "Currency",
      order: "active desc, name",
      recName: "name",
      fields: {
        name: { type: "char", string: "Currency", required: true },
        symbol: { type: "char", string: "Symbol", required: true },
        active: { type: "boolean", string: "Active", default: () => true },
      },
    }),
    defineModel(p, {
      name: "res.country",
      description: "Country",
      order: "name",
      recName: "name",
      fields: {
        name: { type: "char", string: "Country Name", required: true, translate: true },
        code: { type: "char", string: "Country Code" },
      },
    }),
    defineModel(p, {
      name: "uom.uom",
      description: "Product Unit of Measure",
      order: "name",
      recName: "name",
      fields: {
        name: { type: "char", string: "Unit of Measure", required: true, translate: true },
        active: { type: "boolean", string: "Active", default: () => true },
      },
    }),
    defineModel(p, {
      name: "product.category",
      description: "Product Category",
      order: "complete_name",
      recName: "complete_name",
      fields: {
        name: { type: "char", string: "Name", required: true },
        complete_name: { type: "char", string: "Complete Name", storedCompute: true },
        parent_id: { type: "many2one", string: "Parent Category", relation: "product.category", ondelete: "cascade" },
      },
      prepareCreate: async (_env, vals) => {
        vals.complete_name = vals.name;
      },
    }),
    defineModel(p, {
      name: "account.tax",
      description: "Tax",
      order: "sequence,id",
      recName: "name",
      fields: {
        name: { type: "char", string: "Tax Name", required: true },
        sequence: { type: "integer", string: "Sequence", default: () => 1 },
        amount: { type: "float", string: "Amount", required: true, default: () => 0 },
        amount_type: {
          type: "selection",
          string: "Tax Computation",
          required: true,
          selection: choices(
            ["group", "Group of Taxes"],
            ["fixed", "Fixed"],
            ["percent", "Percentage of Price"],
            ["division", "Percentage of Price Tax Included"],
          ),
          default: () => "percent",
        },
        type_tax_use: {
          type: "selection",
          string: "Tax Type",
          required: true,
          selection: choices(["sale", "Sales"], ["purchase", "Purchases"], ["none", "None"]),
          default: () => "sale",
        },
        active: { type: "boolean", string: "Active", default: () => true },
      },
    }),
    defineModel(p, {
      name: "res.users",
      description: "User",
      order: "name, login",
      recName: "name",
      fields: {
        name: { type: "char", string: "Name", required: true },
        login: { type: "char", string: "Login", required: true },
        partner_id: {
          type: "many2one",
          string: "Related Partner",
          relation: "res.partner",
          required: true,
          ondelete: "restrict",
        },
        company_id: { type: "many2one", string: "Company", relation: "res.company", required: true, default: () => 1 },
        active: { type: "boolean", string: "Active", default: () => true },
        share: { type: "boolean", string: "Share User", default: () => false },
      },
      methods: {
        context_get: {
          api: "model",
          params: [],
          run: async (env) => ({ lang: "en_US", tz: "UTC", uid: env.uid }),
        },
      },
    }),
  ];
}
