// Relay connections over keyset pagination: rows are ordered by (sort value, id) and a cursor is
// base64 of that pair, so a page boundary never shifts when rows are inserted concurrently and
// deep pages cost no more than the first. Argument rules are Shopify's: one of first/last, at most 250.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { GraphQLError } from "graphql";
import { batchLoader, type Loader } from "./batch-loader";

export const MAX_PAGE_SIZE = 250;

export type ConnectionArgs = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
};

export type Sort<Row> = {
  /** Names the ordering inside cursors, so a cursor cannot be reused with another sortKey. */
  key: string;
  column: PgColumn | SQL;
  cast: "timestamptz" | "text" | "bigint" | "integer";
  value: (row: Row) => string | number | Date | null;
};

export type Connection<Row> = {
  edges: { cursor: string; node: Row }[];
  nodes: Row[];
  pageInfo: {
    hasNextPage: boolean | Promise<boolean>;
    hasPreviousPage: boolean | Promise<boolean>;
    startCursor: string | null;
    endCursor: string | null;
  };
};

/** A page flag that needs a query of its own, run only if the client selects it. */
type PageFlag = boolean | (() => Promise<boolean>);

export type PaginateOptions<Row extends { id: number }> = {
  field: string;
  args: ConnectionArgs;
  sort: Sort<Row>;
  idColumn: PgColumn;
  /** The condition; a function is only called when needed (a batched first page builds it once for all parents). */
  where?: SQL | (() => SQL | undefined);
  /** Runs the resource's query with the given condition, order and limit. */
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<Row[]>;
  /**
   * A connection under a parent (an order's line items, a product's metafields). `where` then
   * leaves the parent out: first pages asked for many parents in the same tick (a list of orders
   * with their line items, every page of a bulk export) are read with one query.
   */
  parent?: ParentScope<Row>;
};

export type ParentScope<Row> = {
  column: PgColumn;
  id: number;
  of: (row: Row) => number;
  /** Per-request loaders, shared by the parents of one connection field (SandboxContext.connectionBatches). */
  batches: Map<string, unknown>;
};

export async function paginate<Row extends { id: number }>({
  field,
  args,
  sort,
  idColumn,
  where: condition,
  fetch,
  parent,
}: PaginateOptions<Row>): Promise<Connection<Row>> {
  const size = pageSize(field, args);
  const forward = args.first != null;
  const ascending = !args.reverse;
  const after = args.after ? decodeCursor(args.after, sort.key) : null;
  const before = args.before ? decodeCursor(args.before, sort.key) : null;
  const shared = () => (typeof condition === "function" ? condition() : condition);
  if (parent && forward && !after && !before) {
    const fetched = await firstPages({
      field,
      args,
      idColumn,
      shared,
      fetch,
      parent,
      size,
      orderBy: () => orderOf(sort, idColumn, ascending),
    })(parent.id);
    return connection(sort, fetched.slice(0, size), { hasNextPage: fetched.length > size, hasPreviousPage: false });
  }
  const where = parent ? and(shared(), eq(parent.column, parent.id)) : shared();
  // "after" is the side the order moves towards; with reverse the comparison flips.
  const bound = (cursor: CursorValue, side: "after" | "before", inclusive = false) => {
    const greater = (side === "after") === ascending;
    const operator = sql.raw((greater ? ">" : "<") + (inclusive ? "=" : ""));
    return sql`(${sort.column}, ${idColumn}) ${operator} (${cursor.v}::${sql.raw(sort.cast)}, ${cursor.id}::bigint)`;
  };
  const order = (towardsEnd: boolean) => {
    const direction = sql.raw(towardsEnd === ascending ? "asc" : "desc");
    return [sql`${sort.column} ${direction}`, sql`${idColumn} ${direction}`];
  };
  const window = and(where, after ? bound(after, "after") : undefined, before ? bound(before, "before") : undefined);
  // One row more than the page tells whether another page follows (also for a page size of 0).
  const fetched = await fetch(window, order(forward), size + 1);
  const more = fetched.length > size;
  const rows = forward ? fetched.slice(0, size) : fetched.slice(0, size).reverse();

  // The far side of a cursor: is anything (the cursor's own row included) before `after` or from `before` on?
  const beyond = async (cursor: CursorValue | null, side: "after" | "before") =>
    cursor !== null &&
    (await fetch(and(where, bound(cursor, side === "after" ? "before" : "after", true)), order(true), 1)).length > 0;
  // Read only when selected: a bulk export's pages never ask whether a page precedes them.
  const once = (compute: () => Promise<boolean>) => {
    let answer: Promise<boolean> | undefined;
    return () => (answer ??= compute());
  };
  const hasNextPage = forward ? more : once(() => beyond(before, "before"));
  const hasPreviousPage = forward ? once(() => beyond(after, "after")) : more;

  return connection(sort, rows, { hasNextPage, hasPreviousPage });
}

// Cursors are encoded only when asked for: bulk exports and `nodes` selections never read them.
function connection<Row extends { id: number }>(
  sort: Sort<Row>,
  rows: Row[],
  pages: { hasNextPage: PageFlag; hasPreviousPage: PageFlag },
): Connection<Row> {
  const flag = (value: PageFlag) => (typeof value === "function" ? value() : value);
  const cursorOf = (row: Row | undefined) => (row ? encodeCursor(sort, row) : null);
  return {
    edges: rows.map((row) => ({
      node: row,
      get cursor() {
        return encodeCursor(sort, row);
      },
    })),
    nodes: rows,
    pageInfo: {
      get hasNextPage() {
        return flag(pages.hasNextPage);
      },
      get hasPreviousPage() {
        return flag(pages.hasPreviousPage);
      },
      get startCursor() {
        return cursorOf(rows[0]);
      },
      get endCursor() {
        return cursorOf(rows.at(-1));
      },
    },
  };
}

function orderOf<Row>(sort: Sort<Row>, idColumn: PgColumn, ascending: boolean): SQL[] {
  const direction = sql.raw(ascending ? "asc" : "desc");
  return [sql`${sort.column} ${direction}`, sql`${idColumn} ${direction}`];
}

type FirstPagesOptions<Row extends { id: number }> = Pick<
  PaginateOptions<Row>,
  "field" | "args" | "idColumn" | "fetch"
> & {
  shared: () => SQL | undefined;
  parent: ParentScope<Row>;
  size: number;
  orderBy: () => SQL[];
};

// The first `size + 1` rows of each parent, ranked by the connection's order in one query.
function firstPages<Row extends { id: number }>({
  field,
  args,
  idColumn,
  shared,
  fetch,
  parent,
  size,
  orderBy,
}: FirstPagesOptions<Row>): (id: number) => Promise<Row[]> {
  const key = `${field}\n${parent.column.name}\n${JSON.stringify(args)}`;
  let loader = parent.batches.get(key) as Loader<number, Row[]> | undefined;
  if (!loader) {
    const where = shared();
    const order = orderBy();
    loader = batchLoader(async (ids: number[]) => {
      // The ids travel as one array parameter, not one parameter each.
      const parents = sql`${parent.column} = any(${sql.param(ids)}::bigint[])`;
      const ranked = sql`${idColumn} in (
        select ranked.id from (
          select ${idColumn} as id, row_number() over (partition by ${parent.column} order by ${sql.join(order, sql`, `)}) as rank
          from ${idColumn.table} where ${and(where, parents)}
        ) as ranked where ranked.rank <= ${size + 1}
      )`;
      const rows = await fetch(and(where, parents, ranked), order, ids.length * (size + 1));
      const byParent = new Map<number, Row[]>(ids.map((id) => [id, []]));
      for (const row of rows) byParent.get(parent.of(row))?.push(row);
      return byParent;
    });
    parent.batches.set(key, loader);
  }
  return async (id) => (await loader!(id)) ?? [];
}

function pageSize(field: string, args: ConnectionArgs): number {
  if (args.first == null && args.last == null) throw badRequest("you must provide one of first or last");
  if (args.first != null && args.last != null) throw badRequest("providing both first and last is not supported");
  const [label, size] = args.first != null ? ["first", args.first] : ["last", args.last!];
  // Best guess at Shopify's wording; the limit itself is documented.
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(
      `Argument '${label}' on Field '${field}' has an invalid value (${size}). Expected a page size from 0 to ${MAX_PAGE_SIZE}.`,
      {
        extensions: { code: "argumentLiteralsIncompatible" },
      },
    );
  }
  return size;
}

type CursorValue = { k: string; v: string | number | null; id: number };

function encodeCursor<Row extends { id: number }>(sort: Sort<Row>, row: Row): string {
  const value = sort.value(row);
  const cursor: CursorValue = { k: sort.key, v: value instanceof Date ? value.toISOString() : value, id: row.id };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(cursor: string, key: string): CursorValue {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorValue;
    if (decoded.k === key && Number.isSafeInteger(decoded.id)) return decoded;
  } catch {
    // falls through to the error below
  }
  throw badRequest("Invalid cursor for current pagination sort.");
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } });
