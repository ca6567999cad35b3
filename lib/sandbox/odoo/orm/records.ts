// The ORM's record operations — create, write, unlink, read, search — over the records table,
// with what Odoo does around them: access rights, unknown fields refused, defaults, required
// fields and foreign keys (the database constraint errors Odoo turns into ValidationError),
// x2many commands, `_inherits` delegation, ondelete rules and the models' own hooks.
import { sql } from "drizzle-orm";
import { missingError, pyRepr, typeError, validationError, valueError } from "../odoo-exceptions";
import { checkAccess } from "./access";
import { compileDomain, modelOf } from "./domain";
import { toRead, toStored } from "./fields";
import type { FieldDef, ModelDef, OdooEnv, Vals } from "./model-types";
import { compileOrder } from "./order";
import {
  childRows,
  countIds,
  deleteRows,
  insertRows,
  loadRows,
  nextNumbers,
  patchRows,
  selectIds,
  sqlIntArray,
} from "./store";

const isX2many = (field: FieldDef) => field.type === "one2many" || field.type === "many2many";
const tableOf = (model: string) => model.replace(/\./g, "_");
const sudo = (env: OdooEnv): OdooEnv => (env.su ? env : { ...env, su: true });

function invalidField(model: ModelDef, name: string) {
  return valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model.name)}`);
}

function notNull(model: ModelDef, name: string) {
  const field = model.fields[name]!;
  return validationError(
    `The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${model.description} (${model.name})\nField: ${field.string} (${name})\n`,
  );
}

function foreignKey(model: ModelDef, constraint: string) {
  return validationError(
    `The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${model.description} (${model.name})\nConstraint: ${constraint}\n`,
  );
}

export function missingRecords(env: OdooEnv, model: ModelDef, operation: string, ids: number[]) {
  if (env.profile.version >= 18)
    return missingError(
      `Record does not exist or has been deleted.\n(Record: ${model.name}(${ids.slice(0, 6).join(", ")},), User: ${env.uid})`,
    );
  return missingError(
    `One of the documents you are trying to access has been deleted, please try again after refreshing.\n\n(Document type: ${model.description} (${model.name}), Operation: ${operation}, Records: [${ids.slice(0, 6).join(", ")}], User: ${env.uid})`,
  );
}

const nowString = (env: OdooEnv) => env.now.toISOString().slice(0, 19).replace("T", " ");

/** Splits values into the model's own and its `_inherits` parent's. */
function splitInherited(model: ModelDef, vals: Vals): { own: Vals; parent: Vals } {
  const own: Vals = {};
  const parent: Vals = {};
  for (const [name, value] of Object.entries(vals)) {
    if (name === "id") continue;
    const field = model.fields[name];
    if (!field) throw invalidField(model, name);
    if (field.inherited) parent[name] = value;
    else own[name] = value;
  }
  return { own, parent };
}

async function checkForeignKeys(env: OdooEnv, model: ModelDef, rows: Vals[]): Promise<void> {
  const wanted = new Map<string, { ids: Set<number>; field: string }[]>();
  for (const [name, field] of Object.entries(model.fields)) {
    if (field.type !== "many2one" || field.computed) continue;
    const ids = new Set<number>();
    for (const row of rows) if (typeof row[name] === "number") ids.add(row[name] as number);
    if (ids.size === 0) continue;
    const list = wanted.get(field.relation!) ?? [];
    list.push({ ids, field: name });
    wanted.set(field.relation!, list);
  }
  for (const [comodel, checks] of wanted) {
    const all = [...new Set(checks.flatMap((check) => [...check.ids]))];
    const found = await loadRows(env, comodel, all);
    for (const check of checks)
      for (const id of check.ids)
        if (!found.has(id)) throw foreignKey(model, `${tableOf(model.name)}_${check.field}_fkey`);
  }
}

type X2manyCommand = [number, number | false | null, unknown];

function commandsOf(model: ModelDef, name: string, value: unknown): X2manyCommand[] {
  if (value === false || value === null) return [[5, 0, 0]];
  if (!Array.isArray(value)) throw valueError(`Wrong value for ${model.name}.${name}: ${pyRepr(value)}`);
  if (value.every((v) => typeof v === "number")) return [[6, 0, value]];
  return value.map((command) => {
    if (!Array.isArray(command) || typeof command[0] !== "number" || command[0] < 0 || command[0] > 6)
      throw valueError(`Wrong value for ${model.name}.${name}: ${pyRepr(value)}`);
    return [command[0], command[1] ?? 0, command[2]] as X2manyCommand;
  });
}

/** Applies x2many commands to one record (its current ids given for many2many). */
async function applyX2many(
  env: OdooEnv,
  model: ModelDef,
  id: number,
  name: string,
  field: FieldDef,
  commands: X2manyCommand[],
  current: number[],
): Promise<number[] | null> {
  const comodel = modelOf(env, field.relation!);
  let ids = [...current];
  for (const [code, target, payload] of commands) {
    const targetId = typeof target === "number" ? target : 0;
    if (code === 0) {
      const vals = { ...(payload as Vals) };
      if (field.type === "one2many") vals[field.inverseName!] = id;
      const [created] = await createRecords(env, comodel, [vals]);
      ids.push(created!);
    } else if (code === 1) {
      await writeRecords(env, comodel, [targetId], payload as Vals);
    } else if (code === 2) {
      await unlinkRecords(env, comodel, [targetId]);
      ids = ids.filter((x) => x !== targetId);
    } else if (code === 3) {
      if (field.type === "one2many") {
        const inverse = comodel.fields[field.inverseName!]!;
        if (inverse.required || inverse.ondelete === "cascade") await unlinkRecords(env, comodel, [targetId]);
        else await writeRecords(env, comodel, [targetId], { [field.inverseName!]: false });
      }
      ids = ids.filter((x) => x !== targetId);
    } else if (code === 4) {
      if (field.type === "one2many") await writeRecords(env, comodel, [targetId], { [field.inverseName!]: id });
      if (!ids.includes(targetId)) ids.push(targetId);
    } else if (code === 5 || code === 6) {
      const next = code === 6 ? ((payload as unknown[]) ?? []).filter((x): x is number => typeof x === "number") : [];
      if (field.type === "one2many") {
        const gone = ids.filter((x) => !next.includes(x));
        if (gone.length)
          await applyX2many(
            env,
            model,
            id,
            name,
            field,
            gone.map((x) => [3, x, 0]),
            ids,
          );
        for (const x of next.filter((x) => !ids.includes(x)))
          await writeRecords(env, comodel, [x], { [field.inverseName!]: id });
      }
      ids = [...next];
    }
  }
  if (field.type === "one2many") return null;
  const found = await loadRows(env, comodel.name, ids);
  const missing = ids.filter((x) => !found.has(x));
  if (missing.length) throw foreignKey(model, `${tableOf(model.name)}_${name}_fkey`);
  return [...new Set(ids)];
}

export async function createRecords(env: OdooEnv, model: ModelDef, valsList: unknown[]): Promise<number[]> {
  checkAccess(env, model.name, model.description, "create");
  if (valsList.length === 0) return [];
  const prepared: { own: Vals; x2many: [string, X2manyCommand[]][] }[] = [];
  for (const raw of valsList) {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw typeError(`'${Array.isArray(raw) ? "list" : typeof raw}' object is not a mapping`);
    const { own, parent } = splitInherited(model, raw as Vals);
    if (model.inherits && own[model.inherits.field] === undefined) {
      const parentModel = modelOf(env, model.inherits.model);
      const [parentId] = await createRecords(
        { ...sudo(env), context: { ...env.context, create_product_product: false } },
        parentModel,
        [parent],
      );
      own[model.inherits.field] = parentId;
    } else if (model.inherits && Object.keys(parent).length) {
      await writeRecords(sudo(env), modelOf(env, model.inherits.model), [own[model.inherits.field] as number], parent);
    }
    const stored: Vals = {};
    const x2many: [string, X2manyCommand[]][] = [];
    for (const [name, value] of Object.entries(own)) {
      const field = model.fields[name]!;
      if (field.computed && !field.storedCompute) continue;
      if (isX2many(field)) x2many.push([name, commandsOf(model, name, value)]);
      else stored[name] = toStored(model, name, field, value);
    }
    for (const [name, field] of Object.entries(model.fields)) {
      if (name in stored || field.computed || field.inherited || isX2many(field)) continue;
      const defaulted = field.default ? field.default(env, stored) : undefined;
      const contextDefault = env.context[`default_${name}`];
      const value = contextDefault !== undefined ? contextDefault : defaulted;
      stored[name] =
        value === undefined ? (field.type === "boolean" ? false : null) : toStored(model, name, field, value);
    }
    await model.prepareCreate?.(env, stored);
    for (const [name, field] of Object.entries(model.fields))
      if (
        field.required &&
        !field.inherited &&
        !isX2many(field) &&
        (stored[name] === null || stored[name] === undefined)
      )
        throw notNull(model, name);
    prepared.push({ own: stored, x2many });
  }
  await checkForeignKeys(
    env,
    model,
    prepared.map((p) => p.own),
  );
  const first = await nextNumbers(env.pool, env.databaseId, model.name, prepared.length);
  const stamp = nowString(env);
  const rows = prepared.map((p, i) => ({
    id: first + i,
    vals: { ...p.own, create_date: stamp, write_date: stamp, create_uid: env.uid, write_uid: env.uid } as Vals,
  }));
  for (const [i, p] of prepared.entries())
    for (const [name] of p.x2many) if (model.fields[name]!.type === "many2many") rows[i]!.vals[name] = [];
  await insertRows(env, model.name, rows);
  const ids = rows.map((row) => row.id);
  for (const [i, p] of prepared.entries()) {
    const patch: Vals = {};
    for (const [name, commands] of p.x2many) {
      const result = await applyX2many(env, model, ids[i]!, name, model.fields[name]!, commands, []);
      if (result) patch[name] = result;
    }
    if (Object.keys(patch).length) await patchRows(env, model.name, [{ id: ids[i]!, patch }]);
  }
  await model.afterCreate?.(
    env,
    ids,
    prepared.map((p) => p.own),
  );
  await model.constrain?.(env, ids);
  return ids;
}

export async function writeRecords(env: OdooEnv, model: ModelDef, ids: number[], vals: unknown): Promise<void> {
  checkAccess(env, model.name, model.description, "write");
  if (typeof vals !== "object" || vals === null || Array.isArray(vals))
    throw typeError(`'${Array.isArray(vals) ? "list" : typeof vals}' object has no attribute 'items'`);
  if (ids.length === 0) return;
  const existing = await loadRows(env, model.name, ids);
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length) throw missingRecords(env, model, "write", missing);
  const { own, parent } = splitInherited(model, vals as Vals);
  if (model.inherits && Object.keys(parent).length) {
    const parents = [...new Set([...existing.values()].map((v) => v[model.inherits!.field] as number))];
    await writeRecords(sudo(env), modelOf(env, model.inherits.model), parents, parent);
  }
  const patch: Vals = {};
  const x2many: [string, X2manyCommand[]][] = [];
  for (const [name, value] of Object.entries(own)) {
    const field = model.fields[name]!;
    if (field.computed && !field.storedCompute) continue;
    if (isX2many(field)) x2many.push([name, commandsOf(model, name, value)]);
    else {
      patch[name] = toStored(model, name, field, value);
      if (field.required && patch[name] === null) throw notNull(model, name);
    }
  }
  await model.prepareWrite?.(env, ids, patch);
  await checkForeignKeys(env, model, [patch]);
  patch.write_date = nowString(env);
  patch.write_uid = env.uid;
  await patchRows(
    env,
    model.name,
    ids.map((id) => ({ id, patch })),
  );
  for (const [name, commands] of x2many) {
    const field = model.fields[name]!;
    for (const id of ids) {
      const current =
        field.type === "one2many"
          ? (await childRows(env, field.relation!, field.inverseName!, [id], sql.raw("r.id"))).map((c) => c.id)
          : ((existing.get(id)![name] as number[] | undefined) ?? []);
      const result = await applyX2many(env, model, id, name, field, commands, current);
      if (result) await patchRows(env, model.name, [{ id, patch: { [name]: result } }]);
    }
  }
  await model.afterWrite?.(env, ids, { ...patch, ...Object.fromEntries(x2many) });
  await model.constrain?.(env, ids);
}

export async function unlinkRecords(env: OdooEnv, model: ModelDef, ids: number[]): Promise<void> {
  checkAccess(env, model.name, model.description, "unlink");
  const existing = [...(await loadRows(env, model.name, ids)).keys()];
  if (existing.length === 0) return;
  await model.beforeUnlink?.(env, existing);
  for (const other of env.registry.models.values()) {
    for (const [name, field] of Object.entries(other.fields)) {
      if (field.type !== "many2one" || field.relation !== model.name || field.computed || field.inherited) continue;
      const where = sql`((r.vals->>${name})::int) = any(${sqlIntArray(existing)})`;
      const referencing = await selectIds(env, other.name, { where });
      if (referencing.length === 0) continue;
      const rule = field.ondelete ?? (field.required ? "restrict" : "set null");
      if (rule === "cascade") await unlinkRecords(sudo(env), other, referencing);
      else if (rule === "set null")
        await patchRows(
          env,
          other.name,
          referencing.map((id) => ({ id, patch: { [name]: null } })),
        );
      else throw foreignKey(other, `${tableOf(other.name)}_${name}_fkey`);
    }
  }
  await deleteRows(env, model.name, existing);
}

export type SearchOptions = { offset?: number; limit?: number | null; order?: unknown };

function activeFilter(env: OdooEnv, model: ModelDef, domain: unknown) {
  if (!model.fields.active || env.context.active_test === false) return null;
  const mentions = JSON.stringify(domain ?? []).match(/"active"/);
  return mentions ? null : sql`coalesce((r.vals->>'active')::boolean, true)`;
}

function whereOf(env: OdooEnv, model: ModelDef, domain: unknown) {
  const where = compileDomain(env, model, domain);
  const active = activeFilter(env, model, domain);
  return active ? sql`(${where}) and ${active}` : where;
}

export async function searchRecords(
  env: OdooEnv,
  model: ModelDef,
  domain: unknown,
  { offset = 0, limit, order }: SearchOptions = {},
): Promise<number[]> {
  checkAccess(env, model.name, model.description, "read");
  const where = whereOf(env, model, domain);
  return selectIds(env, model.name, { where, orderBy: compileOrder(env, model, order), limit, offset });
}

export async function countRecords(env: OdooEnv, model: ModelDef, domain: unknown, limit?: number | null) {
  checkAccess(env, model.name, model.description, "read");
  return countIds(env, model.name, whereOf(env, model, domain), limit);
}

/** display_name of records of any model (no access check: Odoo shows names of linked records). */
export async function displayNames(env: OdooEnv, modelName: string, ids: number[]): Promise<Map<number, string>> {
  const model = modelOf(env, modelName);
  const rows = await loadRows(env, modelName, ids);
  const records = [...rows].map(([id, vals]) => ({ id, vals }));
  if (model.inherits) await mergeParents(env, model, records);
  if (model.displayName) return model.displayName(env, records);
  return new Map(records.map((r) => [r.id, String(r.vals[model.recName] ?? "")]));
}

async function mergeParents(env: OdooEnv, model: ModelDef, records: { id: number; vals: Vals }[]) {
  const { field, model: parentName } = model.inherits!;
  const parents = await loadRows(env, parentName, [...new Set(records.map((r) => r.vals[field] as number))]);
  for (const record of records) {
    const parent = parents.get(record.vals[field] as number) ?? {};
    for (const [name, def] of Object.entries(model.fields))
      if (def.inherited && !(name in record.vals)) record.vals[name] = parent[name] ?? null;
  }
}

export type Load = "_classic_read" | null;

export async function readRecords(
  env: OdooEnv,
  model: ModelDef,
  ids: number[],
  fields: unknown,
  load: Load = "_classic_read",
): Promise<Vals[]> {
  checkAccess(env, model.name, model.description, "read");
  const names =
    Array.isArray(fields) && fields.length
      ? fields.map(String).filter((name) => name !== "id")
      : Object.keys(model.fields).filter((name) => name !== "id");
  for (const name of names) if (!model.fields[name]) throw invalidField(model, name);
  const unique = [...new Set(ids)];
  const rows = await loadRows(env, model.name, unique);
  const records = unique.filter((id) => rows.has(id)).map((id) => ({ id, vals: { ...rows.get(id)! } }));
  if (records.length === 0) return [];
  if (model.inherits && names.some((name) => model.fields[name]!.inherited)) await mergeParents(env, model, records);
  const computed = names.filter((name) => model.fields[name]!.computed && name !== "display_name");
  if (computed.length) await model.compute?.(env, records, computed);
  if (names.includes("display_name")) {
    const namesById = await displayNames(
      env,
      model.name,
      records.map((r) => r.id),
    );
    for (const record of records) record.vals.display_name = namesById.get(record.id) ?? "";
  }
  for (const name of names) {
    const field = model.fields[name]!;
    if (field.type === "one2many" && !field.computed) {
      const comodel = modelOf(env, field.relation!);
      const children = await childRows(
        env,
        comodel.name,
        field.inverseName!,
        records.map((r) => r.id),
        compileOrder(env, comodel, null),
      );
      const byParent = new Map<number, number[]>();
      for (const child of children) byParent.set(child.parent, [...(byParent.get(child.parent) ?? []), child.id]);
      for (const record of records) record.vals[name] = byParent.get(record.id) ?? [];
    } else if (field.type === "many2many") {
      const all = [...new Set(records.flatMap((r) => (r.vals[name] as number[] | null) ?? []))];
      const alive = await loadRows(env, field.relation!, all);
      for (const record of records)
        record.vals[name] = ((record.vals[name] as number[] | null) ?? []).filter((id) => alive.has(id));
    }
  }
  const labels = new Map<string, Map<number, string>>();
  if (load === "_classic_read") {
    for (const name of names) {
      const field = model.fields[name]!;
      if (field.type !== "many2one") continue;
      const targets = [...new Set(records.map((r) => r.vals[name]).filter((v): v is number => typeof v === "number"))];
      labels.set(name, await displayNames(env, field.relation!, targets));
    }
  }
  return records.map((record) => {
    const out: Vals = { id: record.id };
    for (const name of names) {
      const field = model.fields[name]!;
      const value = record.vals[name];
      if (field.type === "many2one") {
        if (typeof value !== "number") out[name] = false;
        else out[name] = load === "_classic_read" ? [value, labels.get(name)?.get(value) ?? ""] : value;
      } else if (isX2many(field)) out[name] = value ?? [];
      else out[name] = toRead(field, value);
    }
    return out;
  });
}

/** Ids of these that exist. */
export async function existingIds(env: OdooEnv, model: ModelDef, ids: number[]): Promise<number[]> {
  const rows = await loadRows(env, model.name, ids);
  return ids.filter((id) => rows.has(id));
}
