// Retention (the `operations.prune` job, daily): the mirror runs one short run each time mappings
// change, so its succeeded runs (and their events) go after MIRROR_RUN_DAYS. Failed mirror runs
// and every other kind stay: they are the store's history.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";

export const MIRROR_RUN_DAYS = 7;
const BATCH = 1_000;

export async function pruneRuns({ now = new Date(), batch = BATCH }: { now?: Date; batch?: number } = {}) {
  const before = new Date(now.getTime() - MIRROR_RUN_DAYS * 86_400_000);
  let deleted = 0;
  for (;;) {
    const { rowCount } = await db.execute(sql`
      delete from operation_runs where id in (
        select id from operation_runs
        where kind = 'mirror' and status = 'succeeded' and finished_at < ${before}
        limit ${batch})`);
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) return { deleted };
  }
}
