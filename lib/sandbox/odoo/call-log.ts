// Every call a sandbox Odoo database answers is logged (protocol, target, uid, status, error,
// duration). Entries are buffered and written in batches, so logging never adds a round trip to
// a call; reading the log writes the buffer first.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { sandboxOdooCalls, type SandboxOdooCall } from "@/db/schema/sandbox-odoo";
import { defaultOdooDb, type OdooDb } from "./odoo-db";

export type CallEntry = Omit<typeof sandboxOdooCalls.$inferInsert, "id">;

const pending = new Map<OdooDb, CallEntry[]>();
let timer: NodeJS.Timeout | undefined;
let flushing: Promise<void> = Promise.resolve();

export function logCall(db: OdooDb, entry: CallEntry): void {
  const list = pending.get(db) ?? [];
  list.push({ ...entry, at: entry.at ?? new Date() });
  pending.set(db, list);
  if (list.length >= 500) void flushCallLog();
  else timer ??= setTimeout(() => void flushCallLog(), 200).unref();
}

export function flushCallLog(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  const batches = [...pending];
  pending.clear();
  flushing = flushing.then(async () => {
    for (const [db, entries] of batches)
      await db
        .insert(sandboxOdooCalls)
        .values(entries)
        .catch((error: unknown) => console.error("sandbox odoo call log", error));
  });
  return flushing;
}

/** The newest calls of a database, newest first. */
export async function listSandboxOdooCalls({
  databaseId,
  limit = 100,
  before,
  db = defaultOdooDb,
}: {
  databaseId: number;
  limit?: number;
  before?: number;
  db?: OdooDb;
}): Promise<SandboxOdooCall[]> {
  await flushCallLog();
  return db
    .select()
    .from(sandboxOdooCalls)
    .where(and(eq(sandboxOdooCalls.databaseId, databaseId), before ? lt(sandboxOdooCalls.id, before) : sql`true`))
    .orderBy(desc(sandboxOdooCalls.id))
    .limit(Math.min(Math.max(limit, 1), 1000));
}
