// Field values in and out: what create/write accept for each field type (Python's conversions:
// str() for text, int()/float() for numbers, ids for relations) and how read() returns them
// (false for empty, [id, name] for many2one, id lists for x2many, dates as strings).
import { pyRepr, valueError } from "../odoo-exceptions";
import type { FieldDef, ModelDef } from "./model-types";

/** The stored form of a scalar value (not x2many, whose commands are applied by the ORM). */
export function toStored(model: ModelDef, name: string, field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined || (value === false && field.type !== "boolean")) return null;
  switch (field.type) {
    case "char":
    case "text":
    case "html":
      return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
    case "integer": {
      const n = typeof value === "boolean" ? Number(value) : Number(value);
      if (!Number.isFinite(n)) throw valueError(`invalid literal for int() with base 10: ${pyRepr(value)}`);
      return Math.trunc(n);
    }
    case "float":
    case "monetary": {
      const n = typeof value === "boolean" ? Number(value) : Number(value);
      if (typeof value === "object" || !Number.isFinite(n))
        throw valueError(`could not convert string to float: ${pyRepr(value)}`);
      return n;
    }
    case "boolean":
      return Boolean(value);
    case "date":
    case "datetime": {
      if (typeof value !== "string") throw valueError(`${pyRepr(value)} is not a valid ${field.type}`);
      const pattern = field.type === "date" ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;
      if (!pattern.test(value) || Number.isNaN(Date.parse(value.replace(" ", "T") + (value.length > 10 ? "Z" : ""))))
        throw valueError(
          field.type === "date"
            ? `time data ${pyRepr(value)} does not match format '%Y-%m-%d'`
            : `time data ${pyRepr(value)} does not match format '%Y-%m-%d %H:%M:%S'`,
        );
      return field.type === "datetime" && value.length === 10 ? `${value} 00:00:00` : value;
    }
    case "selection": {
      const allowed = field.selection ?? [];
      if (typeof value !== "string" || !allowed.some(([key]) => key === value))
        throw valueError(`Wrong value for ${model.name}.${name}: ${pyRepr(value)}`);
      return value;
    }
    case "many2one": {
      const id = Array.isArray(value) ? value[0] : value;
      if (typeof id !== "number" || !Number.isInteger(id))
        throw valueError(`Wrong value for ${model.name}.${name}: ${pyRepr(value)}`);
      return id;
    }
    default:
      return value;
  }
}

/** read()'s form of a stored scalar value (relations are formatted by the ORM). */
export function toRead(field: FieldDef, value: unknown): unknown {
  if (field.type === "boolean") return Boolean(value);
  if (field.type === "integer" || field.type === "float" || field.type === "monetary")
    return typeof value === "number" ? value : value == null ? (field.type === "integer" ? 0 : 0.0) : Number(value);
  if (value === null || value === undefined || value === "") return value === "" ? "" : false;
  return value;
}
