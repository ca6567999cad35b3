// Statements of jobs run under a time limit sized to their work (decision 58): a plan gone wrong
// fails its batch in seconds — the run retries, then fails with the reason on the page — instead
// of holding the store's sync lock and a CPU for as long as it likes. Set per transaction
// (SET LOCAL), so a pooled connection goes back to the pool without it.
import { sql } from "drizzle-orm";
import type { Db } from "./handle";
import { pgCode } from "./pg-errors";

/** Limits, in milliseconds; SYNCO_JOB_STATEMENT_TIMEOUT_SCALE multiplies them all (slow machines). */
const scale = Number(process.env.SYNCO_JOB_STATEMENT_TIMEOUT_SCALE ?? 1) || 1;
export const STATEMENT_LIMITS = {
  /** One batch of up to a few thousand rows (an import batch, a reconcile batch): normally well under a second. */
  batch: 30_000 * scale,
  /** A statement over a store's whole type (deleting what an import did not see). */
  storeWide: 120_000 * scale,
  /** Generating a sandbox store (one INSERT … SELECT per kind of item, up to 300k orders). */
  generate: 600_000 * scale,
} as const;

/** Limits every later statement of the transaction `tx` to `ms`. */
export async function limitStatements(tx: Db, ms: number): Promise<void> {
  await tx.execute(sql`select set_config('statement_timeout', ${String(Math.round(ms))}, true)`);
}

/** PostgreSQL cancelled the statement because it ran past its statement_timeout. */
export function isStatementTimeout(error: unknown): boolean {
  // 57014 is also a cancel by hand (pg_cancel_backend); only the timeout says so in its message.
  return pgCode(error) === "57014" && /statement timeout/.test(messages(error));
}

function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join(" ");
}
