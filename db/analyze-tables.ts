// After a load of many rows, the planner must not go on planning from statistics that describe the
// table before it (a fresh database's tables look empty until autovacuum gets round to them, a
// minute or more later): a plan made for an empty table can turn a linear statement quadratic.
// Loaders call this once their rows are committed (decision 57). ANALYZE samples a fixed number of
// rows, so its cost does not grow with the table. A database user without the right to analyze
// (not the tables' owner) goes on with the statistics there are: the table is returned as skipped.
import { sql } from "drizzle-orm";
import type { Db } from "./handle";
import { pgCode } from "./pg-errors";

/** Tables loaders refresh the statistics of. */
export const LOADED_TABLES = {
  index: ["shopify_index_items", "shopify_index_search"],
  mappings: ["sync_mappings"],
} as const;

type LoadedTable = (typeof LOADED_TABLES)[keyof typeof LOADED_TABLES][number];

/** A load smaller than this leaves statistics to autovacuum: a few rows cannot mislead a plan. */
export const ANALYZE_AFTER_ROWS = 5_000;

const INSUFFICIENT_PRIVILEGE = "42501";

/** Returns the tables it was not allowed to analyze. */
export async function analyzeTables(db: Db, tables: readonly LoadedTable[]): Promise<LoadedTable[]> {
  const skipped: LoadedTable[] = [];
  for (const table of tables) {
    try {
      await db.execute(sql`analyze ${sql.identifier(table)}`);
    } catch (error) {
      if (pgCode(error) !== INSUFFICIENT_PRIVILEGE) throw error;
      skipped.push(table);
    }
  }
  return skipped;
}
