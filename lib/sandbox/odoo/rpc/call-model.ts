// One call of a model method, as Odoo's service layer runs it: the method must be public and
// exist, its arguments are bound to the Python parameters (positional and keyword for execute_kw,
// named only for JSON-2), and it runs in its own transaction (commit on success, rollback on error).
import type { SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import type { OdooCaller } from "../auth/authenticate-user";
import { accessError, attributeError, httpException, OdooException, typeError, userError } from "../odoo-exceptions";
import type { OdooDb } from "../odoo-db";
import type { MethodDef, ModelDef, OdooEnv } from "../orm/model-types";
import { registryFor } from "../orm/registry";
import { versionProfile } from "../versions";

const PRIVATE = /^(_.*|init)$/;

export type ResolvedCall = { model: ModelDef; method: MethodDef; name: string };

/** The model and public method a call names, or the error Odoo answers (`json2` changes a few). */
export function resolveCall(
  database: SandboxOdooDatabase,
  model: string,
  method: string,
  json2: boolean,
): ResolvedCall {
  const registry = registryFor(database.version);
  const def = registry.models.get(model);
  if (!def)
    throw json2
      ? httpException(404, `the model '${model}' does not exist`)
      : userError(`Object ${model} doesn't exist`);
  if (PRIVATE.test(method))
    throw accessError(
      database.version >= 19
        ? `Private methods (such as '${model}.${method}') cannot be called remotely.`
        : `Private methods (such as ${method}) cannot be called remotely.`,
    );
  const found = Object.hasOwn(def.methods, method) ? def.methods[method] : undefined;
  if (!found) {
    if (json2) throw httpException(404, `The method '${model}.${method}' does not exist`);
    throw attributeError(
      database.version >= 19
        ? `The method '${model}.${method}' does not exist`
        : `type object '${model}' has no attribute '${method}'`,
    );
  }
  return { model: def, method: found, name: method };
}

export type BoundCall = { ids: number[]; kwargs: Record<string, unknown>; context: Record<string, unknown> };

function idsOf(value: unknown, name: string): number[] {
  if (typeof value === "number" && Number.isInteger(value)) return [value];
  if (value === false || value === null || value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isInteger(v)))
    return value as number[];
  throw typeError(`${name}() expects record ids, got ${JSON.stringify(value)}`);
}

/** execute_kw's binding: `args` positional (ids first for record methods), `kwargs` by name. */
export function bindPositional(call: ResolvedCall, args: unknown, kwargs: unknown): BoundCall {
  const positional = Array.isArray(args) ? [...args] : args === undefined ? [] : [args];
  const named = { ...((kwargs && typeof kwargs === "object" ? kwargs : {}) as Record<string, unknown>) };
  const context = (named.context && typeof named.context === "object" ? named.context : {}) as Record<string, unknown>;
  delete named.context;
  let ids: number[] = [];
  if (call.method.api === "records") {
    if (positional.length === 0) throw new OdooException("builtins.IndexError", "list index out of range");
    ids = idsOf(positional.shift(), call.name);
  }
  const { params } = call.method;
  if (positional.length > params.length)
    throw typeError(
      `${call.name}() takes from 1 to ${params.length + 1} positional arguments but ${positional.length + 1} were given`,
    );
  const bound: Record<string, unknown> = {};
  positional.forEach((value, i) => (bound[params[i]!.name] = value));
  for (const [key, value] of Object.entries(named)) {
    if (!params.some((p) => p.name === key))
      throw typeError(`${call.name}() got an unexpected keyword argument '${key}'`);
    if (key in bound) throw typeError(`${call.name}() got multiple values for argument '${key}'`);
    bound[key] = value;
  }
  return {
    ids,
    kwargs: withDefaults(call, bound, (name) =>
      typeError(`${call.name}() missing 1 required positional argument: '${name}'`),
    ),
    context,
  };
}

/** JSON-2's binding: every argument named; `ids` and `context` apart. */
export function bindNamed(call: ResolvedCall, body: Record<string, unknown>, modelName: string): BoundCall {
  const { ids: rawIds, context: rawContext, ...named } = body;
  const ids = idsOf(rawIds, call.name);
  if (call.method.api === "model" && ids.length)
    throw httpException(422, `cannot call ${modelName}.${call.name} with ids`);
  for (const key of Object.keys(named))
    if (!call.method.params.some((p) => p.name === key))
      throw httpException(422, `got an unexpected keyword argument '${key}'`);
  const context = (rawContext && typeof rawContext === "object" ? rawContext : {}) as Record<string, unknown>;
  return {
    ids,
    kwargs: withDefaults(call, named, (name) => httpException(422, `missing a required argument: '${name}'`)),
    context,
  };
}

function withDefaults(call: ResolvedCall, bound: Record<string, unknown>, missing: (name: string) => OdooException) {
  for (const param of call.method.params) {
    if (param.name in bound) continue;
    if (param.required) throw missing(param.name);
    if (param.default !== undefined) bound[param.name] = param.default;
  }
  return bound;
}

/** Runs a bound call in one transaction. */
export async function runCall(
  db: OdooDb,
  database: SandboxOdooDatabase,
  caller: OdooCaller,
  call: ResolvedCall,
  bound: BoundCall,
): Promise<unknown> {
  return db.transaction(async (tx) => {
    const env: OdooEnv = {
      tx,
      // Ids are taken in the call's transaction: a second connection per call could exhaust the pool.
      pool: tx,
      databaseId: database.id,
      databaseName: database.name,
      profile: versionProfile(database.version),
      registry: registryFor(database.version),
      uid: caller.uid,
      groups: caller.groups,
      context: bound.context,
      su: false,
      now: new Date(),
    };
    return call.method.run(env, call.model, bound.ids, bound.kwargs);
  });
}
