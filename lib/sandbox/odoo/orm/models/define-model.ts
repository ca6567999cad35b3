// Builds a model definition: the fields every Odoo model has (id, display_name, create/write
// dates and users) plus the model's own, and the generic methods plus the model's own.
import type { VersionProfile } from "../../versions";
import { genericMethods } from "../generic-methods";
import type { FieldDef, MethodDef, ModelDef } from "../model-types";

export type ModelSpec = Omit<ModelDef, "methods" | "fields"> & {
  fields: Record<string, FieldDef | false | undefined>;
  methods?: Record<string, MethodDef>;
};

export function defineModel(profile: VersionProfile, spec: ModelSpec): ModelDef {
  const fields: Record<string, FieldDef> = {
    id: { type: "integer", string: "ID", readonly: true },
    display_name: {
      type: "char",
      string: "Display Name",
      computed: true,
      searchAs:
        spec.fields[spec.recName] && (spec.fields[spec.recName] as FieldDef).type === "char" ? spec.recName : undefined,
    },
  };
  for (const [name, field] of Object.entries(spec.fields)) if (field) fields[name] = field;
  fields.create_uid = { type: "many2one", string: "Created by", relation: "res.users", readonly: true };
  fields.create_date = { type: "datetime", string: "Created on", readonly: true };
  fields.write_uid = { type: "many2one", string: "Last Updated by", relation: "res.users", readonly: true };
  fields.write_date = { type: "datetime", string: "Last Updated on", readonly: true };
  return { ...spec, fields, methods: { ...genericMethods(profile), ...spec.methods } };
}

/** A selection list from value → label pairs. */
export const choices = (...pairs: [string, string][]): [string, string][] => pairs;

export const today = (now: Date) => now.toISOString().slice(0, 10);
export const nowDatetime = (now: Date) => now.toISOString().slice(0, 19).replace("T", " ");
