// Failed sign-ins slow down per account, not only per address (docs/threat-model.md, T1): whoever
// guesses one account's password from many addresses gets, after FREE_FAILURES wrong passwords in a
// row, one attempt per PAUSE_MS. The count lives in better-auth's rate-limit table (shared by every
// app instance) under a key of its own, and a successful sign-in clears it. A pause, not a lock:
// someone failing on purpose can slow the owner down, never shut them out.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { rateLimit } from "@/db/schema/auth";

export const FREE_FAILURES = 5;
export const PAUSE_MS = 30_000;
/** Failures older than this are forgotten. */
const MEMORY_MS = 15 * 60_000;

const keyFor = (email: string) => `sign-in-failures:${email.trim().toLowerCase()}`;

/** Seconds to wait before this account may try again, or 0. */
export async function signInPause(email: string, now = Date.now()): Promise<number> {
  const [row] = await db
    .select()
    .from(rateLimit)
    .where(eq(rateLimit.key, keyFor(email)));
  if (!row || row.count < FREE_FAILURES || now - row.lastRequest > MEMORY_MS) return 0;
  const wait = row.lastRequest + PAUSE_MS - now;
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export async function recordSignIn(email: string, succeeded: boolean, now = Date.now()): Promise<void> {
  const key = keyFor(email);
  if (succeeded) {
    await db.delete(rateLimit).where(eq(rateLimit.key, key));
    return;
  }
  await db
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.lastRequest} < ${now - MEMORY_MS} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now,
      },
    });
}
