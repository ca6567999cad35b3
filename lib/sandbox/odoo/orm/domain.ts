// Odoo domains → SQL over the records table: prefix `&`, `|`, `!` (implicit `&` between terms),
// terms `[path, operator, value]` with dotted paths through relations, the usual operators, and
// `any` / `not any` from 17. Unknown fields and operators raise ValueError as Odoo does.
import { sql, type SQL } from "drizzle-orm";
import { pyRepr, termRepr, valueError } from "../odoo-exceptions";
import type { FieldDef, ModelDef, OdooEnv } from "./model-types";
import { sqlIntArray } from "./store";

const OPERATORS = new Set([
  "=",
  "!=",
  "<>",
  ">",
  ">=",
  "<",
  "<=",
  "=?",
  "like",
  "not like",
  "ilike",
  "not ilike",
  "=like",
  "=ilike",
  "in",
  "not in",
  "child_of",
  "parent_of",
  "any",
  "not any",
]);

type Node = { kind: "and" | "or"; children: Node[] } | { kind: "not"; child: Node } | { kind: "term"; term: unknown[] };

export function modelOf(env: OdooEnv, name: string): ModelDef {
  const model = env.registry.models.get(name);
  if (!model) throw valueError(`Invalid model name ${pyRepr(name)}`);
  return model;
}

/** SQL for records of `model` (alias `alias`) matching `domain`. */
export function compileDomain(env: OdooEnv, model: ModelDef, domain: unknown, alias = "r"): SQL {
  if (domain === null || domain === undefined || domain === false) return sql`true`;
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
  if (domain.length === 0) return sql`true`;
  return compileNode(env, model, parse(domain), alias);
}

function parse(domain: unknown[]): Node {
  const stack: Node[] = [];
  for (let i = domain.length - 1; i >= 0; i--) {
    const item = domain[i];
    if (item === "!") {
      const child = stack.pop();
      if (!child) throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
      stack.push({ kind: "not", child });
    } else if (item === "&" || item === "|") {
      const a = stack.pop();
      const b = stack.pop();
      if (!a || !b) throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
      stack.push({ kind: item === "&" ? "and" : "or", children: [a, b] });
    } else if (Array.isArray(item) && item.length === 3) {
      stack.push({ kind: "term", term: item });
    } else {
      throw valueError(`Invalid leaf ${pyRepr(item)}`);
    }
  }
  return stack.length === 1 ? stack[0]! : { kind: "and", children: stack.reverse() };
}

function compileNode(env: OdooEnv, model: ModelDef, node: Node, alias: string): SQL {
  if (node.kind === "term") return compileTerm(env, model, node.term, alias);
  if (node.kind === "not") return sql`not coalesce((${compileNode(env, model, node.child, alias)}), false)`;
  const parts = node.children.map((child) => sql`(${compileNode(env, model, child, alias)})`);
  return sql.join(parts, node.kind === "and" ? sql` and ` : sql` or `);
}

const col = (alias: string, field: string) => sql.raw(`${alias}.vals->>'${field.replace(/'/g, "")}'`);
const jcol = (alias: string, field: string) => sql.raw(`${alias}.vals->'${field.replace(/'/g, "")}'`);

let aliasCounter = 0;
const nextAlias = () => `s${(aliasCounter = (aliasCounter + 1) % 1_000_000)}`;

/** `alias`.id in records of `comodel` matching `where` (built on a fresh alias). */
function subselect(env: OdooEnv, comodel: string, build: (alias: string) => SQL): SQL {
  const a = nextAlias();
  return sql`(select ${sql.raw(a)}.id from sandbox_odoo_records ${sql.raw(a)}
    where ${sql.raw(a)}.database_id = ${env.databaseId} and ${sql.raw(a)}.model = ${comodel} and (${build(a)}))`;
}

function compileTerm(env: OdooEnv, model: ModelDef, term: unknown[], alias: string): SQL {
  const [left, rawOperator, value] = term;
  if ((left === 1 || left === 0) && rawOperator === "=" && value === 1) return left === 1 ? sql`true` : sql`false`;
  const operator = typeof rawOperator === "string" ? rawOperator.toLowerCase() : rawOperator;
  if (
    typeof operator !== "string" ||
    !OPERATORS.has(operator) ||
    (!env.profile.anyOperator && operator.includes("any"))
  )
    throw valueError(`Invalid leaf ${termRepr(term)}`);
  if (typeof left !== "string" || left === "") throw valueError(`Invalid leaf ${termRepr(term)}`);
  const [name, ...rest] = left.split(".");
  if (name === "id" && rest.length === 0) return compareId(sql.raw(`${alias}.id`), operator, value, term);
  const field = model.fields[name!];
  if (!field) throw invalidField(env, model, name!, term);
  if (field.inherited && model.inherits) {
    const parent = modelOf(env, model.inherits.model);
    return sql`((${col(alias, model.inherits.field)})::int) in ${subselect(env, parent.name, (a) =>
      compileTerm(env, parent, [left, operator, value], a),
    )}`;
  }
  const stored = field.computed ? (field.searchAs ? model.fields[field.searchAs] && field.searchAs : null) : name!;
  if (!stored) throw valueError(`Non-stored field ${model.name}.${name} cannot be searched.`);
  const target = model.fields[stored]!;
  if (rest.length > 0 || operator === "any" || operator === "not any") {
    if (!target.relation) throw invalidField(env, model, left, term);
    const comodel = modelOf(env, target.relation);
    const sub = operator === "any" || operator === "not any" ? value : [[rest.join("."), operator, value]];
    const matching = subselect(env, comodel.name, (a) => compileDomain(env, comodel, sub, a));
    const negate = operator === "not any";
    return relationIn(env, alias, stored, target, matching, negate);
  }
  return compareField(env, alias, stored, target, operator, value, term);
}

function invalidField(env: OdooEnv, model: ModelDef, name: string, term: unknown[]) {
  const where = env.profile.version >= 18 ? "condition" : "leaf";
  return valueError(`Invalid field ${model.name}.${name} in ${where} ${termRepr(term)}`);
}

/** Records whose relation `field` points into `matching` (an SQL subselect of ids). */
function relationIn(env: OdooEnv, alias: string, name: string, field: FieldDef, matching: SQL, negate: boolean): SQL {
  let inside: SQL;
  if (field.type === "many2one") inside = sql`coalesce(((${col(alias, name)})::int) in ${matching}, false)`;
  else if (field.type === "many2many")
    inside = sql`exists (select 1 from jsonb_array_elements_text(coalesce(${jcol(alias, name)}, '[]'::jsonb)) as e(v) where e.v::int in ${matching})`;
  else {
    const c = nextAlias();
    inside = sql`exists (select 1 from sandbox_odoo_records ${sql.raw(c)} where ${sql.raw(c)}.database_id = ${env.databaseId}
      and ${sql.raw(c)}.model = ${field.relation!} and ((${col(c, field.inverseName!)})::int) = ${sql.raw(`${alias}.id`)}
      and ${sql.raw(c)}.id in ${matching})`;
  }
  return negate ? sql`not (${inside})` : inside;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === false || value === null || value === undefined) return [];
  return [value];
}

function compareId(expr: SQL, operator: string, value: unknown, term: unknown[]): SQL {
  if (operator === "in" || operator === "not in") {
    const ids = asList(value).filter((v): v is number => typeof v === "number");
    const inside = ids.length ? sql`${expr} = any(${sqlIntArray(ids)})` : sql`false`;
    return operator === "in" ? inside : sql`not (${inside})`;
  }
  if (value === false || value === null) return operator === "=" ? sql`false` : sql`true`;
  if (typeof value !== "number") throw valueError(`Invalid leaf ${termRepr(term)}`);
  const op = { "=": "=", "!=": "<>", "<>": "<>", ">": ">", ">=": ">=", "<": "<", "<=": "<=", "=?": "=" }[operator];
  if (!op) throw valueError(`Invalid leaf ${termRepr(term)}`);
  return sql`${expr} ${sql.raw(op)} ${value}`;
}

const NUMERIC = new Set(["integer", "float", "monetary"]);

function compareField(
  env: OdooEnv,
  alias: string,
  name: string,
  field: FieldDef,
  operator: string,
  value: unknown,
  term: unknown[],
): SQL {
  const text = col(alias, name);
  if (operator === "=?") {
    if (value === false || value === null || value === undefined) return sql`true`;
    operator = "=";
  }
  if (operator === "<>") operator = "!=";
  if (field.type === "many2one") {
    const expr = sql`(${text})::int`;
    if (typeof value === "string" || (Array.isArray(value) && value.some((v) => typeof v === "string"))) {
      const comodel = modelOf(env, field.relation!);
      const names = asList(value).map(String);
      const op =
        operator === "=" || operator === "in" ? "=" : operator === "!=" || operator === "not in" ? "!=" : operator;
      const matching = subselect(env, comodel.name, (a) =>
        sql.join(
          names.map((n) =>
            compareField(env, a, comodel.recName, comodel.fields[comodel.recName]!, op.replace("not ", ""), n, term),
          ),
          sql` or `,
        ),
      );
      const negative = op.startsWith("not") || op === "!=";
      return negative
        ? sql`(${expr} is null or ${expr} not in ${matching})`
        : sql`coalesce(${expr} in ${matching}, false)`;
    }
    if (operator === "child_of" || operator === "parent_of") return hierarchy(env, alias, name, field, operator, value);
    return compareScalar(expr, operator, value, term, (v) => (typeof v === "number" ? v : null));
  }
  if (field.type === "one2many" || field.type === "many2many") {
    const ids = asList(value).filter((v): v is number => typeof v === "number");
    if (value === false || value === null || (Array.isArray(value) && value.length === 0 && operator === "=")) {
      const hasSome =
        field.type === "many2many"
          ? sql`jsonb_array_length(coalesce(${jcol(alias, name)}, '[]'::jsonb)) > 0`
          : childExists(env, alias, field);
      return operator === "=" || operator === "in" ? sql`not (${hasSome})` : hasSome;
    }
    const matching = ids.length
      ? sql`(select unnest(${sqlIntArray(ids)}))`
      : sql`(select id from sandbox_odoo_records where false)`;
    const negate = operator === "!=" || operator === "not in";
    if (!["=", "!=", "in", "not in"].includes(operator)) throw valueError(`Invalid leaf ${termRepr(term)}`);
    return relationIn(env, alias, name, field, matching, negate);
  }
  if (field.type === "boolean") {
    const expr = sql`coalesce((${text})::boolean, false)`;
    const bools = asList(value).map((v) => Boolean(v));
    if (operator === "in" || operator === "not in") {
      const inside = bools.length ? sql`${expr} = any(${`{${bools.join(",")}}`}::boolean[])` : sql`false`;
      return operator === "in" ? inside : sql`not (${inside})`;
    }
    if (operator === "=") return sql`${expr} = ${Boolean(value)}`;
    if (operator === "!=") return sql`${expr} <> ${Boolean(value)}`;
    throw valueError(`Invalid leaf ${termRepr(term)}`);
  }
  if (NUMERIC.has(field.type)) {
    return compareScalar(sql`(${text})::numeric`, operator, value, term, (v) =>
      typeof v === "number"
        ? v
        : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))
          ? Number(v)
          : null,
    );
  }
  // char, text, html, selection, date, datetime: compared as text.
  if (operator.includes("like")) {
    if (value === false || value === null) {
      return operator.startsWith("not") ? sql`${text} is not null` : sql`${text} is null`;
    }
    const pattern = operator.startsWith("=") ? String(value) : `%${String(value)}%`;
    const op = operator.includes("ilike") ? "ilike" : "like";
    const inside = sql`coalesce(${text} ${sql.raw(op)} ${pattern}, false)`;
    return operator.startsWith("not") ? sql`not (${inside})` : inside;
  }
  if (operator === "child_of" || operator === "parent_of") throw valueError(`Invalid leaf ${termRepr(term)}`);
  return compareScalar(text, operator, value, term, (v) =>
    typeof v === "string" ? v : typeof v === "number" ? String(v) : null,
  );
}

function childExists(env: OdooEnv, alias: string, field: FieldDef): SQL {
  const c = nextAlias();
  return sql`exists (select 1 from sandbox_odoo_records ${sql.raw(c)} where ${sql.raw(c)}.database_id = ${env.databaseId}
    and ${sql.raw(c)}.model = ${field.relation!} and ((${col(c, field.inverseName!)})::int) = ${sql.raw(`${alias}.id`)})`;
}

function compareScalar(
  expr: SQL,

  operator: string,
  value: unknown,
  term: unknown[],
  coerce: (v: unknown) => string | number | null,
): SQL {
  if (operator === "in" || operator === "not in") {
    const list = asList(value);
    const withNull = list.some((v) => v === false || v === null);
    const values = list.map(coerce).filter((v): v is string | number => v !== null);
    const parts: SQL[] = values.map((v) => sql`${expr} = ${v}`);
    if (withNull) parts.push(sql`${expr} is null`);
    const inside = parts.length ? sql`coalesce(${sql.join(parts, sql` or `)}, false)` : sql`false`;
    return operator === "in" ? inside : sql`not (${inside})`;
  }
  if (value === false || value === null || value === undefined) {
    if (operator === "=") return sql`${expr} is null`;
    if (operator === "!=") return sql`${expr} is not null`;
    return sql`false`;
  }
  const v = coerce(value);
  if (v === null) throw valueError(`Invalid leaf ${termRepr(term)}`);
  if (operator === "=") return sql`coalesce(${expr} = ${v}, false)`;
  if (operator === "!=") return sql`coalesce(${expr} <> ${v}, true)`;
  const op = { ">": ">", ">=": ">=", "<": "<", "<=": "<=" }[operator];
  if (!op) throw valueError(`Invalid leaf ${termRepr(term)}`);
  return sql`coalesce(${expr} ${sql.raw(op)} ${v}, false)`;
}

/** child_of / parent_of along a model's `parent_id`. */
function hierarchy(env: OdooEnv, alias: string, name: string, field: FieldDef, operator: string, value: unknown): SQL {
  const ids = asList(value).filter((v): v is number => typeof v === "number");
  const down = operator === "child_of";
  const step = down
    ? sql`(c.vals->>'parent_id')::int = t.id`
    : sql`c.id = (select (p.vals->>'parent_id')::int from sandbox_odoo_records p where p.database_id = ${env.databaseId} and p.model = ${field.relation!} and p.id = t.id)`;
  const tree = sql`(with recursive t(id) as (
      select unnest(${sqlIntArray(ids)})
      union select c.id from sandbox_odoo_records c, t
      where c.database_id = ${env.databaseId} and c.model = ${field.relation!} and ${step}
    ) select id from t)`;
  return sql`coalesce(((${col(alias, name)})::int) in ${tree}, false)`;
}
