// Turns a parsed search query into a SQL condition for one resource. Text matches words, as
// Shopify's does: `andle` does not find "Candle", `cand*` does, and a quoted phrase matches
// consecutive words. Like Shopify, a term on a field the resource cannot be searched by is
// dropped and reported as a warning (`extensions.search`), never silently turned into "match
// everything" without a trace; the filter fields Shopify lists for a resource are all known,
// those the sandbox does not model (an order's financial status…) answering as every sandbox
// item would (all paid, none shipped).
import { and, not, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { parseGid } from "../gid";
import { parseSearchQuery, type Comparator, type SearchNode } from "./parse-search-query";

export type Term = Extract<SearchNode, { kind: "term" }>;

export type SearchField =
  | { kind: "id"; column: PgColumn }
  | { kind: "number"; column: PgColumn }
  | { kind: "date"; column: PgColumn }
  /** Case-insensitive; `exact` compares the whole value, `words` finds its words in the text. */
  | { kind: "text"; column: PgColumn | SQL; match: "exact" | "words" }
  /** A field every item of the sandbox has the same value of (`any` matches all too). */
  | { kind: "fixed"; value: string }
  | { kind: "custom"; build: (term: Term) => SQL | null };

export type SearchSpec = {
  fields: Record<string, SearchField>;
  /** What a bare word (no field) is looked for in, by words: e.g. title and vendor. */
  text: (PgColumn | SQL)[];
};

export type SearchWarning = { field: string; message: string; code: "invalid_field" | "invalid_value" };

export function searchToSql(
  query: string | null | undefined,
  spec: SearchSpec,
): { where: SQL | undefined; warnings: SearchWarning[] } {
  const warnings: SearchWarning[] = [];
  const tree = query ? parseSearchQuery(query) : null;
  const build = (node: SearchNode): SQL | undefined => {
    if (node.kind === "and" || node.kind === "or") {
      const parts = node.items.map(build).filter((part): part is SQL => part !== undefined);
      if (parts.length === 0) return undefined;
      return node.kind === "and" ? and(...parts) : or(...parts);
    }
    if (node.kind === "not") {
      const inner = build(node.item);
      return inner && not(inner);
    }
    if (node.field === null) return or(...spec.text.map((column) => wordsCondition(column, node))) ?? sql`false`;
    const field = spec.fields[node.field];
    if (!field) {
      warnings.push({ field: node.field, message: "Invalid search field for this query.", code: "invalid_field" });
      return undefined;
    }
    const condition = termCondition(field, node);
    if (!condition)
      warnings.push({
        field: node.field,
        message: `Invalid value for search field ${node.field}.`,
        code: "invalid_value",
      });
    return condition ?? undefined;
  };
  return { where: tree ? build(tree) : undefined, warnings };
}

/** An ILIKE pattern for `value`: a prefix match. */
function prefixPattern(value: string): string {
  return `${value.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * The value's words, in order, as whole words of the text (case-insensitive); with a trailing `*`
 * the last one may be the start of a word. A value with no word in it matches nothing.
 */
export function wordsCondition(column: PgColumn | SQL, term: Term): SQL {
  const words = term.value.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sql`false`;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
  // \m and \M are PostgreSQL's start and end of a word; a value that begins or ends with a
  // non-word character (`#1001`) is anchored there instead.
  const start = /^\w/.test(words[0]!) ? "\\m" : "";
  const end = term.prefix || !/\w$/.test(words.at(-1)!) ? "" : "\\M";
  return sql`${column} ~* ${`${start}${escaped}${end}`}`;
}

function termCondition(field: SearchField, term: Term): SQL | null {
  switch (field.kind) {
    case "custom":
      return field.build(term);
    case "fixed": {
      const value = term.value.toLowerCase();
      const matches = value === "any" || (term.prefix ? field.value.startsWith(value) : field.value === value);
      return matches ? sql`true` : sql`false`;
    }
    case "id":
    case "number": {
      const number = field.kind === "id" ? (parseGid(term.value)?.id ?? Number(term.value)) : Number(term.value);
      return Number.isFinite(number) && term.value.trim() !== ""
        ? compare(field.column, term.comparator, number)
        : null;
    }
    case "date": {
      const time = Date.parse(term.value);
      if (Number.isNaN(time)) return null;
      // A bare date is a whole day: `created_at:2026-01-05` matches any time that day (UTC).
      if (term.comparator === "=" && /^\d{4}-\d{2}-\d{2}$/.test(term.value)) {
        const next = new Date(time + 86_400_000);
        return sql`${field.column} >= ${new Date(time).toISOString()}::timestamptz and ${field.column} < ${next.toISOString()}::timestamptz`;
      }
      return compare(field.column, term.comparator, sql`${new Date(time).toISOString()}::timestamptz`);
    }
    case "text":
      return textCondition(field.column, term, field.match);
  }
}

/** Case-insensitive text match: a trailing `*` makes an exact field a prefix match. */
export function textCondition(column: PgColumn | SQL, term: Term, match: "exact" | "words"): SQL {
  if (match === "words") return wordsCondition(column, term);
  if (term.prefix) return sql`${column} ilike ${prefixPattern(term.value)}`;
  if (term.comparator !== "=") return compare(column, term.comparator, term.value);
  return sql`lower(${column}) = lower(${term.value})`;
}

function compare(column: PgColumn | SQL, comparator: Comparator, value: unknown): SQL {
  const operator = sql.raw(comparator);
  return sql`${column} ${operator} ${value}`;
}
