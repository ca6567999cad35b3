// Helpers shared by the resolvers: the resolver map type, search filters that record warnings,
// counts capped like Shopify's, money bags and id arguments.
import { sql, type SQL } from "drizzle-orm";
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import { parseGid, type GidType } from "../../gid";
import { searchToSql, type SearchSpec } from "../../search/search-to-sql";
import type { SandboxContext } from "../context";

export type Resolver<Parent = unknown, Args = Record<string, unknown>> = (
  parent: Parent,
  args: Args,
  ctx: SandboxContext,
  info: GraphQLResolveInfo,
) => unknown;

// `never` parameters let each resolver declare its own parent and argument types.
export type ResolverMap = Record<string, Record<string, Resolver<never, never>>>;

/** The SQL condition for a `query` argument; ignored terms are reported in `extensions.search`. */
export function searchCondition(
  ctx: SandboxContext,
  info: GraphQLResolveInfo,
  query: string | null | undefined,
  spec: SearchSpec,
): SQL | undefined {
  const { where, warnings } = searchToSql(query, spec);
  if (query && warnings.length) ctx.searchWarnings.push({ path: responsePathAsArray(info.path), query, warnings });
  return where;
}

/** A Count: exact up to `limit`, else `limit` with precision AT_LEAST. A null limit counts everything. */
export async function cappedCount(
  countBelow: (limit: number | null) => Promise<number>,
  limit: number | null | undefined,
) {
  const cap = limit ?? null;
  const total = await countBelow(cap === null ? null : cap + 1);
  return cap !== null && total > cap ? { count: cap, precision: "AT_LEAST" } : { count: total, precision: "EXACT" };
}

export async function countWhere(ctx: SandboxContext, from: SQL, where: SQL, limit: number | null): Promise<number> {
  const limited = limit === null ? sql`` : sql` limit ${limit}`;
  const result = await ctx.db.execute<{ total: number }>(
    sql`select count(*)::int as total from (select 1 from ${from} where ${where}${limited}) as matched`,
  );
  return result.rows[0]?.total ?? 0;
}

export function moneyBag(amount: string | number, currencyCode: string) {
  const money = { amount, currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

/** The numeric id of an ID argument. A malformed gid is an error; a gid of another type finds nothing. */
export function idArgument(gid: string, type: GidType): number | null {
  const parsed = parseGid(gid);
  if (!parsed)
    throw new GraphQLError(`Invalid global id '${gid}'`, { extensions: { code: "argumentLiteralsIncompatible" } });
  return parsed.type === type ? parsed.id : null;
}
