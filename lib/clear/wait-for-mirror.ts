// A clear must not delete metafields while the mirror is writing them: the mirror sees the clear
// (lib/mappings/sync-paused.ts) at its next round and stops, but a round already sending (up to 25
// metafields, or a bulk mutation already submitted) still lands. So the clear waits until the
// store has no mirror job running before it deletes anything.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { jobsSchema } from "@/lib/jobs/boss";

const POLL_MS = 500;

export async function waitForMirror({
  storeId,
  signal,
  timeoutMs = 15 * 60_000,
}: {
  storeId: string;
  signal: AbortSignal;
  timeoutMs?: number;
}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.execute<{ active: number }>(sql`
      select count(*)::int as active from ${sql.identifier(jobsSchema())}.job
      where name = 'mappings.mirror' and singleton_key = ${storeId} and state = 'active'`);
    if (Number(rows[0]?.active ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error("the store's mirror job did not stop in time; the clear will try again");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    signal.throwIfAborted();
  }
}
