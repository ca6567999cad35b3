// search's `order`: "field [asc|desc] [nulls first|last], …", validated as Odoo does, turned into
// SQL with each field's type (numbers as numbers, many2one by id, inherited fields through the
// parent record).
import { sql, type SQL } from "drizzle-orm";
import { valueError } from "../odoo-exceptions";
import type { ModelDef, OdooEnv } from "./model-types";

const TERM = /^\s*"?([a-z0-9_]+)"?(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i;
const NUMERIC = new Set(["integer", "float", "monetary"]);

export function compileOrder(env: OdooEnv, model: ModelDef, order: unknown, alias = "r"): SQL {
  const spec = typeof order === "string" && order.trim() ? order : model.order;
  if (typeof spec !== "string") throw invalidOrder(order);
  const parts = spec.split(",").map((part) => {
    const match = TERM.exec(part);
    if (!match) throw invalidOrder(spec);
    const [, name, direction = "asc", nulls] = match;
    const expr = orderExpr(env, model, name!.toLowerCase(), alias);
    return sql`${expr} ${sql.raw(direction.toLowerCase())}${nulls ? sql.raw(` nulls ${nulls.toLowerCase()}`) : sql``}`;
  });
  // A stable order for equal keys, as `id` breaks Odoo's ties in practice.
  parts.push(sql.raw(`${alias}.id`));
  return sql.join(parts, sql`, `);
}

function orderExpr(env: OdooEnv, model: ModelDef, name: string, alias: string): SQL {
  if (name === "id") return sql.raw(`${alias}.id`);
  const field = model.fields[name];
  if (!field) throw valueError(`Invalid field ${JSON.stringify(name).replace(/"/g, "'")} on model '${model.name}'`);
  if (field.inherited && model.inherits) {
    const parent = env.registry.models.get(model.inherits.model)!;
    return sql`(select ${orderExpr(env, parent, name, "p")} from sandbox_odoo_records p
      where p.database_id = ${env.databaseId} and p.model = ${parent.name}
      and p.id = (${sql.raw(`${alias}.vals->>'${model.inherits.field}'`)})::int)`;
  }
  if (field.computed && !field.searchAs) throw valueError(`Cannot order by non-stored field ${model.name}.${name}`);
  const stored = field.searchAs ?? name;
  const type = model.fields[stored]!.type;
  const raw = sql.raw(`${alias}.vals->>'${stored}'`);
  if (NUMERIC.has(type)) return sql`(${raw})::numeric`;
  if (type === "many2one") return sql`(${raw})::int`;
  if (type === "boolean") return sql`coalesce((${raw})::boolean, false)`;
  return raw;
}

function invalidOrder(order: unknown) {
  return valueError(
    `Invalid "order" specified (${String(order)}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
  );
}
