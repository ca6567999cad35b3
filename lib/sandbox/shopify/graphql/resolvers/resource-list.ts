// The QueryRoot list and count fields (products, productsCount, orders…) share their shape:
// shop-scoped, filtered by `query`, sorted by `sortKey`, paged with cursors.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { GraphQLResolveInfo } from "graphql";
import type { SandboxDb } from "../../sandbox-db";
import type { SearchSpec } from "../../search/search-to-sql";
import type { SandboxContext } from "../context";
import { paginate, type ConnectionArgs, type ParentScope, type Sort } from "../paginate";
import { typed } from "../rows";
import { cappedCount, countWhere, searchCondition } from "./common";

type Listed = PgTable & { id: PgColumn; shopId: PgColumn };

export type ResourceList<Row extends { id: number }> = {
  field: string;
  /** The GraphQL type of its rows (`__typename`). */
  typename: string;
  table: Listed;
  sorts: Record<string, Sort<Row>>;
  search: SearchSpec;
  /** The rows the caller may see at all (orders without `read_all_orders`); undefined: every row. */
  visible?: (ctx: SandboxContext) => SQL | undefined;
  /** Runs the select for this resource (typed rows, `__typename` attached). */
  select: (ctx: SandboxContext, where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<Row[]>;
};

type ListArgs = ConnectionArgs & { query?: string | null; sortKey: string };

/** A list field, at the root or under a parent object (a customer's orders: `under` names the parent column). */
export function listResolver<Row extends { id: number }>(
  list: ResourceList<Row>,
  under?: Pick<ParentScope<Row>, "column" | "of">,
) {
  return (parent: { id: number } | undefined, args: ListArgs, ctx: SandboxContext, info: GraphQLResolveInfo) =>
    paginate<Row>({
      field: list.field,
      args,
      sort: list.sorts[args.sortKey]!,
      idColumn: list.table.id,
      where: () =>
        and(
          eq(list.table.shopId, ctx.shop.id),
          list.visible?.(ctx),
          searchCondition(ctx, info, args.query, list.search),
        ),
      parent: under && parent ? { ...under, id: parent.id, batches: ctx.connectionBatches } : undefined,
      fetch:
        !args.query && !args.after && !args.before && !under && !list.visible?.(ctx)
          ? (_where, _orderBy, limit) => firstPage(ctx, list, args, limit)
          : (where, orderBy, limit) => list.select(ctx, where, orderBy, limit),
    });
}

// The commonest request of all — the first page of a top-level list, unfiltered — runs as a
// named prepared statement: same SQL as paginate builds (shop, sort order, limit), without
// rebuilding it each time.
const preparedPages = new WeakMap<
  SandboxDb,
  Map<string, { execute: (values: { shop: number; limit: number }) => Promise<Record<string, unknown>[]> }>
>();

async function firstPage<Row extends { id: number }>(
  ctx: SandboxContext,
  list: ResourceList<Row>,
  args: ListArgs,
  limit: number,
): Promise<Row[]> {
  const sort = list.sorts[args.sortKey]!;
  const ascending = (args.first != null) === !args.reverse;
  const name = `sandbox_first_page_${list.field}_${sort.key}_${ascending ? "asc" : "desc"}`;
  let statements = preparedPages.get(ctx.db);
  if (!statements) preparedPages.set(ctx.db, (statements = new Map()));
  let statement = statements.get(name);
  if (!statement) {
    const direction = sql.raw(ascending ? "asc" : "desc");
    statement = ctx.db
      .select()
      .from(list.table)
      .where(eq(list.table.shopId, sql.placeholder("shop")))
      .orderBy(sql`${sort.column} ${direction}`, sql`${list.table.id} ${direction}`)
      .limit(sql.placeholder("limit"))
      .prepare(name) as unknown as NonNullable<typeof statement>;
    statements.set(name, statement);
  }
  const rows = await statement.execute({ shop: ctx.shop.id, limit });
  return rows.map((row) => typed(list.typename, row) as unknown as Row);
}

export function countResolver(list: Pick<ResourceList<{ id: number }>, "table" | "search" | "visible">) {
  return (
    _: unknown,
    args: { query?: string | null; limit?: number | null },
    ctx: SandboxContext,
    info: GraphQLResolveInfo,
  ) => {
    const where =
      and(
        eq(list.table.shopId, ctx.shop.id),
        list.visible?.(ctx),
        searchCondition(ctx, info, args.query, list.search),
      ) ?? sql`true`;
    return cappedCount((limit) => countWhere(ctx, sql`${list.table}`, where, limit), args.limit);
  };
}

/** Sort helpers: the common sort keys over a table's columns. */
export const sortBy = {
  id: <Row extends { id: number }>(column: PgColumn): Sort<Row> => ({
    key: "ID",
    column,
    cast: "bigint",
    value: (row) => row.id,
  }),
  time: <Row extends { id: number }>(key: string, column: PgColumn, value: (row: Row) => Date): Sort<Row> => ({
    key,
    column,
    cast: "timestamptz",
    value,
  }),
  text: <Row extends { id: number }>(key: string, column: PgColumn | SQL, value: (row: Row) => string): Sort<Row> => ({
    key,
    column,
    cast: "text",
    value,
  }),
  integer: <Row extends { id: number }>(key: string, column: PgColumn, value: (row: Row) => number): Sort<Row> => ({
    key,
    column,
    cast: "integer",
    value,
  }),
};
