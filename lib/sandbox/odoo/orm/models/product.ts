// product.template and product.product (API-FACTS.md §4.2). The variant inherits the template's
// fields (`_inherits`); creating a template creates its variant. Versions differ in the type:
// 16/17 `detailed_type` (consu/service/product) with `type` derived from it, 18+ `type`
// (consu/service/combo) plus `is_storable`. Barcodes are unique per company: an SQL constraint in
// 16, the "Barcode(s) already assigned" check from 17.
import { sql } from "drizzle-orm";
import { validationError } from "../../odoo-exceptions";
import type { VersionProfile } from "../../versions";
import type { FieldDef, ModelDef, OdooEnv, Vals } from "../model-types";
import { childRows, loadRows, patchRows, selectIds, sqlIntArray } from "../store";
import { choices, defineModel } from "./define-model";

const TEMPLATE_ONLY_VARIANT_FIELDS = ["default_code", "barcode"] as const;

function templateFields(p: VersionProfile): Record<string, FieldDef | false> {
  const typeChoices = p.detailedType
    ? choices(["consu", "Consumable"], ["service", "Service"], ["product", "Storable Product"])
    : choices(["consu", "Goods"], ["service", "Service"], ["combo", "Combo"]);
  return {
    name: { type: "char", string: "Name", required: true, translate: true },
    sequence: { type: "integer", string: "Sequence", default: () => 1 },
    priority: {
      type: "selection",
      string: "Favorite",
      selection: choices(["0", "Normal"], ["1", "Favorite"]),
      default: () => "0",
    },
    description_sale: { type: "text", string: "Sales Description", translate: true },
    detailed_type: p.detailedType && {
      type: "selection",
      string: "Product Type",
      selection: typeChoices,
      required: true,
      default: () => "consu",
    },
    type: p.detailedType
      ? { type: "selection", string: "Type", selection: typeChoices, storedCompute: true }
      : { type: "selection", string: "Product Type", selection: typeChoices, required: true, default: () => "consu" },
    is_storable: !p.detailedType && { type: "boolean", string: "Track Inventory", default: () => false },
    list_price: { type: "float", string: "Sales Price", default: () => 1.0 },
    standard_price: { type: "float", string: "Cost", default: () => 0 },
    sale_ok: { type: "boolean", string: "Can be Sold", default: () => true },
    purchase_ok: { type: "boolean", string: "Can be Purchased", default: () => true },
    active: { type: "boolean", string: "Active", default: () => true },
    categ_id: {
      type: "many2one",
      string: "Product Category",
      relation: "product.category",
      required: true,
      default: () => 1,
    },
    uom_id: { type: "many2one", string: "Unit of Measure", relation: "uom.uom", required: true, default: () => 1 },
    uom_po_id: p.version <= 18 && {
      type: "many2one",
      string: "Purchase Unit of Measure",
      relation: "uom.uom",
      required: true,
      default: () => 1,
    },
    invoice_policy: {
      type: "selection",
      string: "Invoicing Policy",
      selection: choices(["order", "Ordered quantities"], ["delivery", "Delivered quantities"]),
      default: () => "order",
    },
    taxes_id: { type: "many2many", string: "Sales Taxes", relation: "account.tax" },
    company_id: { type: "many2one", string: "Company", relation: "res.company" },
  };
}

export function productModels(p: VersionProfile): ModelDef[] {
  const own = templateFields(p);
  const template = defineModel(p, {
    name: "product.template",
    description: "Product",
    order: "priority desc, name",
    recName: "name",
    fields: {
      ...own,
      default_code: { type: "char", string: "Internal Reference", storedCompute: true },
      barcode: { type: "char", string: "Barcode", storedCompute: true },
      product_variant_ids: {
        type: "one2many",
        string: "Products",
        relation: "product.product",
        inverseName: "product_tmpl_id",
      },
      product_variant_id: { type: "many2one", string: "Product", relation: "product.product", computed: true },
      product_variant_count: { type: "integer", string: "# Product Variants", computed: true },
    },
    prepareCreate: async (_env, vals) => {
      if (p.detailedType) vals.type = vals.detailed_type;
      if (vals.type === "combo") throw validationError("A combo product must contain at least 1 combo choice.");
    },
    prepareWrite: async (_env, _ids, patch) => {
      if (p.detailedType && "detailed_type" in patch) patch.type = patch.detailed_type;
      if (patch.type === "combo") throw validationError("A combo product must contain at least 1 combo choice.");
    },
    afterCreate: async (env, ids, valsList) => {
      if (env.context.create_product_product === false) return;
      const variants = ids.map((id, i) => ({
        product_tmpl_id: id,
        default_code: valsList[i]!.default_code ?? false,
        barcode: valsList[i]!.barcode ?? false,
      }));
      const { createRecords } = await import("../records");
      await createRecords({ ...env, su: true }, env.registry.models.get("product.product")!, variants);
    },
    afterWrite: async (env, ids, vals) => {
      const synced = TEMPLATE_ONLY_VARIANT_FIELDS.filter((name) => name in vals);
      if (!synced.length) return;
      const children = await childRows(env, "product.product", "product_tmpl_id", ids, sql.raw("r.id"));
      const byTemplate = new Map<number, number[]>();
      for (const child of children) byTemplate.set(child.parent, [...(byTemplate.get(child.parent) ?? []), child.id]);
      const patch = Object.fromEntries(synced.map((name) => [name, vals[name]]));
      const single = [...byTemplate.values()].filter((list) => list.length === 1).map((list) => list[0]!);
      await patchRows(
        env,
        "product.product",
        single.map((id) => ({ id, patch })),
      );
      await checkBarcodes(env, p, single);
    },
    compute: async (env, records, fields) => {
      const children = await childRows(
        env,
        "product.product",
        "product_tmpl_id",
        records.map((r) => r.id),
        sql.raw("r.id"),
      );
      for (const record of records) {
        const mine = children.filter((c) => c.parent === record.id).map((c) => c.id);
        if (fields.includes("product_variant_id")) record.vals.product_variant_id = mine[0] ?? null;
        if (fields.includes("product_variant_count")) record.vals.product_variant_count = mine.length;
      }
    },
  });

  const inherited: Record<string, FieldDef> = {};
  for (const [name, field] of Object.entries(own)) if (field) inherited[name] = { ...field, inherited: true };
  const variant = defineModel(p, {
    name: "product.product",
    description: "Product Variant",
    order: "priority desc, default_code, name, id",
    recName: "name",
    inherits: { model: "product.template", field: "product_tmpl_id" },
    fields: {
      ...inherited,
      product_tmpl_id: {
        type: "many2one",
        string: "Product Template",
        relation: "product.template",
        required: true,
        ondelete: "cascade",
      },
      default_code: { type: "char", string: "Internal Reference" },
      barcode: {
        type: "char",
        string: "Barcode",
        help: "International Article Number used for product identification.",
      },
      active: { type: "boolean", string: "Active", default: () => true },
      lst_price: { type: "float", string: "Sales Price", computed: true },
    },
    afterCreate: async (env, ids, valsList) => {
      await syncTemplateCodes(env, valsList);
      await checkBarcodes(env, p, ids);
    },
    afterWrite: async (env, ids, vals) => {
      if (!TEMPLATE_ONLY_VARIANT_FIELDS.some((name) => name in vals)) return;
      const rows = await loadRows(env, "product.product", ids);
      await syncTemplateCodes(env, [...rows.values()]);
      await checkBarcodes(env, p, ids);
    },
    compute: async (env, records, fields) => {
      if (!fields.includes("lst_price")) return;
      const templates = await loadRows(
        env,
        "product.template",
        records.map((r) => r.vals.product_tmpl_id as number),
      );
      for (const record of records)
        record.vals.lst_price = templates.get(record.vals.product_tmpl_id as number)?.list_price ?? 0;
    },
    displayName: async (env, records) => {
      const templates = await loadRows(
        env,
        "product.template",
        records.map((r) => r.vals.product_tmpl_id as number),
      );
      return new Map(
        records.map((r) => {
          const name = String(templates.get(r.vals.product_tmpl_id as number)?.name ?? r.vals.name ?? "");
          return [r.id, r.vals.default_code ? `[${r.vals.default_code}] ${name}` : name];
        }),
      );
    },
  });
  return [template, variant];
}

/** A template with a single variant shows that variant's reference and barcode. */
async function syncTemplateCodes(env: OdooEnv, variants: Vals[]) {
  const templateIds = [...new Set(variants.map((v) => v.product_tmpl_id as number))];
  const children = await childRows(env, "product.product", "product_tmpl_id", templateIds, sql.raw("r.id"));
  const rows = await loadRows(
    env,
    "product.product",
    children.map((c) => c.id),
  );
  const patches = templateIds.map((id) => {
    const mine = children.filter((c) => c.parent === id);
    const only = mine.length === 1 ? rows.get(mine[0]!.id) : undefined;
    return { id, patch: { default_code: only?.default_code ?? null, barcode: only?.barcode ?? null } };
  });
  await patchRows(env, "product.template", patches);
}

async function checkBarcodes(env: OdooEnv, p: VersionProfile, ids: number[]) {
  if (ids.length === 0) return;
  const duplicates = await selectIds(env, "product.product", {
    where: sql`r.vals->>'barcode' is not null and r.vals->>'barcode' in (
      select v.vals->>'barcode' from sandbox_odoo_records v
      where v.database_id = ${env.databaseId} and v.model = 'product.product' and v.id = any(${sqlIntArray(ids)}))`,
  });
  if (duplicates.length <= ids.length) {
    const rows = await loadRows(env, "product.product", duplicates);
    const seen = new Map<string, number[]>();
    for (const [id, vals] of rows) seen.set(vals.barcode as string, [...(seen.get(vals.barcode as string) ?? []), id]);
    if ([...seen.values()].every((list) => list.length === 1)) return;
  }
  if (p.version === 16) throw validationError("A barcode can only be assigned to one product !");
  const rows = await loadRows(env, "product.product", duplicates);
  const templates = await loadRows(
    env,
    "product.template",
    [...rows.values()].map((v) => v.product_tmpl_id as number),
  );
  const byBarcode = new Map<string, string[]>();
  for (const vals of rows.values()) {
    const name = String(templates.get(vals.product_tmpl_id as number)?.name ?? "");
    const label = vals.default_code ? `[${vals.default_code}] ${name}` : name;
    byBarcode.set(vals.barcode as string, [...(byBarcode.get(vals.barcode as string) ?? []), label]);
  }
  let lines = [...byBarcode]
    .filter(([, names]) => names.length > 1)
    .map(([barcode, names]) => `- Barcode "${barcode}" already assigned to product(s): ${names.join(", ")}`)
    .join("\n");
  if (p.version >= 18) lines += "\n\nNote: products that you don't have access to will not be shown above.";
  throw validationError(`Barcode(s) already assigned:\n\n${lines}`);
}
