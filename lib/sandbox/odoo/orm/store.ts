// Rows of `sandbox_odoo_records`: one jsonb document of stored field values per (database, model,
// id). Ids come from `sandbox_odoo_sequences`, taken in the call's transaction (a second
// connection per call could exhaust the pool under load): concurrent creates of one model queue
// on its counter row until commit, and a rolled-back create leaves no gap.
import { sql, type SQL } from "drizzle-orm";
import type { OdooDb } from "../odoo-db";
import type { OdooEnv, Vals } from "./model-types";

export type Row = { id: number; vals: Vals };

/** Reserves `count` consecutive numbers of a sequence and returns the first. */
export async function nextNumbers(db: OdooDb, databaseId: number, name: string, count = 1): Promise<number> {
  const result = await db.execute<{ first: number }>(sql`
    insert into sandbox_odoo_sequences (database_id, name, next) values (${databaseId}, ${name}, ${1 + count})
    on conflict (database_id, name) do update set next = sandbox_odoo_sequences.next + ${count}
    returning next - ${count} as first`);
  return Number(result.rows[0]!.first);
}

/** After rows were written with explicit ids (seeding), moves the sequence past them. */
export async function bumpSequence(db: OdooDb, databaseId: number, model: string): Promise<void> {
  await db.execute(sql`
    insert into sandbox_odoo_sequences (database_id, name, next)
    select ${databaseId}, ${model}, coalesce(max(id), 0) + 1 from sandbox_odoo_records
    where database_id = ${databaseId} and model = ${model}
    on conflict (database_id, name) do update set next = greatest(sandbox_odoo_sequences.next, excluded.next)`);
}

export async function insertRows(env: OdooEnv, model: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await env.tx.execute(sql`
    insert into sandbox_odoo_records (database_id, model, id, vals)
    select ${env.databaseId}, ${model}, (e->>'id')::int, e->'vals'
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as e`);
}

export async function loadRows(env: OdooEnv, model: string, ids: readonly number[]): Promise<Map<number, Vals>> {
  const found = new Map<number, Vals>();
  if (ids.length === 0) return found;
  const result = await env.tx.execute<{ id: number; vals: Vals }>(sql`
    select id, vals from sandbox_odoo_records
    where database_id = ${env.databaseId} and model = ${model} and id = any(${sqlIntArray(ids)})`);
  for (const row of result.rows) found.set(Number(row.id), row.vals);
  return found;
}

/** Merges each row's patch into its document. */
export async function patchRows(env: OdooEnv, model: string, patches: { id: number; patch: Vals }[]): Promise<void> {
  if (patches.length === 0) return;
  await env.tx.execute(sql`
    update sandbox_odoo_records r set vals = r.vals || x.patch
    from (select (e->>'id')::int as id, e->'patch' as patch from jsonb_array_elements(${JSON.stringify(patches)}::jsonb) as e) as x
    where r.database_id = ${env.databaseId} and r.model = ${model} and r.id = x.id`);
}

export async function deleteRows(env: OdooEnv, model: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await env.tx.execute(sql`
    delete from sandbox_odoo_records
    where database_id = ${env.databaseId} and model = ${model} and id = any(${sqlIntArray(ids)})`);
}

export async function selectIds(
  env: OdooEnv,
  model: string,
  { where, orderBy, limit, offset }: { where: SQL; orderBy?: SQL; limit?: number | null; offset?: number },
): Promise<number[]> {
  const result = await env.tx.execute<{ id: number }>(sql`
    select r.id from sandbox_odoo_records r
    where r.database_id = ${env.databaseId} and r.model = ${model} and (${where})
    ${orderBy ? sql`order by ${orderBy}` : sql``}
    ${limit != null ? sql`limit ${limit}` : sql``}
    ${offset ? sql`offset ${offset}` : sql``}`);
  return result.rows.map((row) => Number(row.id));
}

export async function countIds(env: OdooEnv, model: string, where: SQL, limit?: number | null): Promise<number> {
  const inner = sql`select 1 from sandbox_odoo_records r
    where r.database_id = ${env.databaseId} and r.model = ${model} and (${where})
    ${limit != null ? sql`limit ${limit}` : sql``}`;
  const result = await env.tx.execute<{ n: number }>(sql`select count(*)::int as n from (${inner}) as c`);
  return Number(result.rows[0]?.n ?? 0);
}

/** Children of an one2many: (child id, parent id) for these parents, in the comodel's order. */
export async function childRows(
  env: OdooEnv,
  comodel: string,
  inverse: string,
  parentIds: readonly number[],
  orderBy: SQL,
): Promise<{ id: number; parent: number }[]> {
  if (parentIds.length === 0) return [];
  const result = await env.tx.execute<{ id: number; parent: number }>(sql`
    select r.id, (r.vals->>${inverse})::int as parent from sandbox_odoo_records r
    where r.database_id = ${env.databaseId} and r.model = ${comodel}
      and ((r.vals->>${sql.raw(`'${inverse}'`)})::int) = any(${sqlIntArray(parentIds)})
    order by ${orderBy}`);
  return result.rows.map((row) => ({ id: Number(row.id), parent: Number(row.parent) }));
}

export const sqlIntArray = (ids: readonly number[]): SQL =>
  sql`${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]`;
