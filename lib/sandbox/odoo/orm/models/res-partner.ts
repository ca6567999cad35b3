// res.partner as each version has it (API-FACTS.md §4.1): `mobile` up to 18, the `private`
// address type in 16 only, and the `check_name` constraint (a contact needs a name).
import { validationError } from "../../odoo-exceptions";
import type { VersionProfile } from "../../versions";
import type { ModelDef, Vals } from "../model-types";
import { loadRows } from "../store";
import { choices, defineModel } from "./define-model";

export function partnerModel(p: VersionProfile): ModelDef {
  const types = choices(["contact", "Contact"], ["invoice", "Invoice Address"], ["delivery", "Delivery Address"]);
  if (p.partnerPrivateType) types.push(["private", "Private Address"]);
  types.push(["other", "Other Address"]);
  const checkName = (vals: Vals) => {
    if ((vals.type ?? "contact") === "contact" && (vals.name === null || vals.name === undefined))
      throw validationError("Contacts require a name");
  };
  return defineModel(p, {
    name: "res.partner",
    description: "Contact",
    order: "complete_name ASC, id DESC",
    recName: "complete_name",
    fields: {
      name: { type: "char", string: "Name" },
      complete_name: { type: "char", string: "Complete Name", storedCompute: true },
      ref: { type: "char", string: "Reference" },
      vat: { type: "char", string: "Tax ID" },
      email: { type: "char", string: "Email" },
      phone: { type: "char", string: "Phone" },
      mobile: p.partnerMobile && { type: "char", string: "Mobile" },
      street: { type: "char", string: "Street" },
      street2: { type: "char", string: "Street2" },
      city: { type: "char", string: "City" },
      zip: { type: "char", string: "Zip" },
      country_id: { type: "many2one", string: "Country", relation: "res.country", ondelete: "restrict" },
      is_company: { type: "boolean", string: "Is a Company", default: () => false },
      company_type: {
        type: "selection",
        string: "Company Type",
        selection: choices(["person", "Individual"], ["company", "Company"]),
        computed: true,
      },
      parent_id: { type: "many2one", string: "Related Company", relation: "res.partner" },
      child_ids: { type: "one2many", string: "Contact", relation: "res.partner", inverseName: "parent_id" },
      type: { type: "selection", string: "Address Type", selection: types, default: () => "contact" },
      lang: {
        type: "selection",
        string: "Language",
        selection: choices(["en_US", "English (US)"], ["fr_FR", "French / Français"], ["de_DE", "German / Deutsch"]),
        default: () => "en_US",
      },
      comment: { type: "html", string: "Notes" },
      active: { type: "boolean", string: "Active", default: () => true },
      company_id: { type: "many2one", string: "Company", relation: "res.company" },
      customer_rank: { type: "integer", string: "Customer Rank", default: () => 0 },
      supplier_rank: { type: "integer", string: "Supplier Rank", default: () => 0 },
    },
    prepareCreate: async (env, vals) => {
      checkName(vals);
      let parentName: string | null = null;
      if (typeof vals.parent_id === "number")
        parentName =
          ((await loadRows(env, "res.partner", [vals.parent_id])).get(vals.parent_id)?.complete_name as string) ?? null;
      vals.complete_name = completeName(vals, parentName);
    },
    prepareWrite: async (env, ids, patch) => {
      if (!("name" in patch) && !("type" in patch) && !("parent_id" in patch) && !("is_company" in patch)) return;
      const rows = await loadRows(env, "res.partner", ids);
      for (const vals of rows.values()) checkName({ ...vals, ...patch });
      if (ids.length === 1) {
        const merged = { ...rows.get(ids[0]!), ...patch };
        const parentId = merged.parent_id as number | null;
        const parentName = parentId
          ? ((await loadRows(env, "res.partner", [parentId])).get(parentId)?.complete_name as string)
          : null;
        patch.complete_name = completeName(merged, parentName ?? null);
      }
    },
    compute: async (_env, records, fields) => {
      if (fields.includes("company_type"))
        for (const record of records) record.vals.company_type = record.vals.is_company ? "company" : "person";
    },
  });
}

function completeName(vals: Vals, parentName: string | null): string | null {
  const name = (vals.name as string | null) ?? null;
  if (parentName && !vals.is_company) return name ? `${parentName}, ${name}` : parentName;
  return name;
}
