// The methods every model has over RPC (BaseModel's public API), with their Python parameter
// names: JSON-2 binds named arguments to them, execute_kw binds positional ones in this order.
import { checkAccess, hasAccess, type Operation } from "./access";
import { pyRepr, valueError } from "../odoo-exceptions";
import type { MethodDef, ModelDef, OdooEnv } from "./model-types";
import {
  countRecords,
  createRecords,
  displayNames,
  existingIds,
  readRecords,
  searchRecords,
  unlinkRecords,
  writeRecords,
  type Load,
} from "./records";

const int = (value: unknown, name: string): number | null => {
  if (value === null || value === undefined || value === false) return null;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw valueError(`${name} must be an integer, not ${pyRepr(value)}`);
  return value;
};

const loadOf = (value: unknown): Load => (value === "_classic_read" || value === undefined ? "_classic_read" : null);

const OPERATIONS = new Set(["read", "write", "create", "unlink"]);
function operationOf(value: unknown): Operation {
  if (typeof value !== "string" || !OPERATIONS.has(value)) throw valueError(`Invalid access mode ${pyRepr(value)}`);
  return value as Operation;
}

export function genericMethods(env: { version: number }): Record<string, MethodDef> {
  const v = env.version;
  const methods: Record<string, MethodDef> = {
    search: {
      api: "model",
      params: [
        { name: "domain", required: true },
        { name: "offset", default: 0 },
        { name: "limit" },
        { name: "order" },
        ...(v === 16 ? [{ name: "count", default: false }] : []),
      ],
      run: async (e, model, _ids, kw) => {
        if (kw.count) return countRecords(e, model, kw.domain, int(kw.limit, "limit") || null);
        return searchRecords(e, model, kw.domain, {
          offset: int(kw.offset, "offset") ?? 0,
          limit: int(kw.limit, "limit") || null,
          order: kw.order,
        });
      },
    },
    search_read: {
      api: "model",
      params: [
        { name: "domain" },
        { name: "fields" },
        { name: "offset", default: 0 },
        { name: "limit" },
        { name: "order" },
      ],
      run: async (e, model, _ids, kw) => {
        const ids = await searchRecords(e, model, kw.domain, {
          offset: int(kw.offset, "offset") ?? 0,
          limit: int(kw.limit, "limit") || null,
          order: kw.order,
        });
        return readRecords(e, model, ids, kw.fields, loadOf(kw.load));
      },
    },
    search_count: {
      api: "model",
      params: [{ name: "domain", required: true }, { name: "limit" }],
      run: (e, model, _ids, kw) => countRecords(e, model, kw.domain, int(kw.limit, "limit") || null),
    },
    read: {
      api: "records",
      params: [{ name: "fields" }, { name: "load", default: "_classic_read" }],
      run: (e, model, ids, kw) => readRecords(e, model, ids, kw.fields, loadOf(kw.load)),
    },
    create: {
      api: "model",
      params: [{ name: "vals_list", required: true }],
      run: (e, model, _ids, kw) => {
        const list = Array.isArray(kw.vals_list) ? kw.vals_list : [kw.vals_list];
        return createRecords(e, model, list);
      },
    },
    write: {
      api: "records",
      params: [{ name: "vals", required: true }],
      run: async (e, model, ids, kw) => {
        await writeRecords(e, model, ids, kw.vals);
        return true;
      },
    },
    unlink: {
      api: "records",
      params: [],
      run: async (e, model, ids) => {
        await unlinkRecords(e, model, ids);
        return true;
      },
    },
    exists: {
      api: "records",
      params: [],
      run: (e, model, ids) => existingIds(e, model, ids),
    },
    fields_get: {
      api: "model",
      params: [{ name: "allfields" }, { name: "attributes" }],
      run: async (e, model, _ids, kw) => fieldsGet(model, kw.allfields, kw.attributes),
    },
    name_search: {
      api: "model",
      params: [
        { name: "name", default: "" },
        { name: v >= 19 ? "domain" : "args" },
        { name: "operator", default: "ilike" },
        { name: "limit", default: 100 },
      ],
      run: async (e, model, _ids, kw) => {
        const extra = (v >= 19 ? kw.domain : kw.args) ?? [];
        if (!Array.isArray(extra)) throw valueError(`Invalid domain: ${pyRepr(extra)}`);
        const name = typeof kw.name === "string" ? kw.name : "";
        const operator = typeof kw.operator === "string" ? kw.operator : "ilike";
        const key = model.fields.display_name?.searchAs ?? model.recName;
        const domain = name || !operator.includes("like") ? [[key, operator, name], ...extra] : extra;
        const ids = await searchRecords(
          e,
          model,
          domain.length > 1 ? [...Array(domain.length - 1).fill("&"), ...domain] : domain,
          {
            limit: int(kw.limit, "limit") || null,
          },
        );
        const names = await displayNames(e, model.name, ids);
        return ids.map((id) => [id, names.get(id) ?? ""]);
      },
    },
  };
  if (v <= 17)
    methods.name_get = {
      api: "records",
      params: [],
      run: async (e, model, ids) => {
        checkAccess(e, model.name, model.description, "read");
        const names = await displayNames(e, model.name, ids);
        return ids.filter((id) => names.has(id)).map((id) => [id, names.get(id)!]);
      },
    };
  if (v <= 18)
    methods.check_access_rights = {
      api: "model",
      params: [
        { name: "operation", required: true },
        { name: "raise_exception", default: true },
      ],
      run: async (e, model, _ids, kw) => {
        const operation = operationOf(kw.operation);
        if (kw.raise_exception === false) return e.su || hasAccess(e.groups, model.name, operation);
        checkAccess(e, model.name, model.description, operation);
        return true;
      },
    };
  if (v >= 18) {
    methods.has_access = {
      api: "records",
      params: [{ name: "operation", required: true }],
      run: async (e, model, _ids, kw) => e.su || hasAccess(e.groups, model.name, operationOf(kw.operation)),
    };
    methods.check_access = {
      api: "records",
      params: [{ name: "operation", required: true }],
      run: async (e, model, _ids, kw) => {
        checkAccess(e, model.name, model.description, operationOf(kw.operation));
        return null;
      },
    };
  }
  return methods;
}

const FIELD_ATTRIBUTES = [
  "type",
  "string",
  "help",
  "required",
  "readonly",
  "store",
  "searchable",
  "sortable",
  "relation",
  "selection",
  "relation_field",
  "translate",
];

/** fields_get: each field's description, limited to `allfields` and `attributes` when given. */
export function fieldsGet(
  model: ModelDef,
  allfields: unknown,
  attributes: unknown,
): Record<string, Record<string, unknown>> {
  const wanted = Array.isArray(allfields) && allfields.length ? new Set(allfields.map(String)) : null;
  const keep = Array.isArray(attributes) && attributes.length ? new Set(attributes.map(String)) : null;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, field] of Object.entries(model.fields)) {
    if (wanted && !wanted.has(name)) continue;
    const stored = !field.computed || Boolean(field.storedCompute);
    const description: Record<string, unknown> = {
      type: field.type,
      string: field.string,
      help: field.help,
      required: Boolean(field.required),
      readonly: Boolean(field.readonly || (field.computed && !field.storedCompute) || field.storedCompute),
      store: stored,
      searchable: stored || Boolean(field.searchAs),
      sortable: stored || Boolean(field.searchAs),
      relation: field.relation,
      relation_field: field.inverseName,
      selection: field.selection,
      translate: field.translate ? true : undefined,
    };
    const entry: Record<string, unknown> = {};
    for (const key of FIELD_ATTRIBUTES) {
      if (description[key] === undefined) continue;
      if (keep && !keep.has(key)) continue;
      entry[key] = description[key];
    }
    out[name] = entry;
  }
  return out;
}

/** A record method that requires `write` on its records and checks they exist. */
export function recordAction(
  access: Operation,
  run: (env: OdooEnv, model: ModelDef, ids: number[]) => Promise<unknown>,
): MethodDef {
  return {
    api: "records",
    params: [],
    run: async (env, model, ids) => {
      checkAccess(env, model.name, model.description, access);
      return run(env, model, ids);
    },
  };
}
