// The `webhooks.auto-sync-sweep` job (every minute, and when a worker starts): automatic syncs a
// delivery owed but never asked for — its process died after the delivery committed, or the
// database failed just then — are asked for now, with the delivery's own key, so one already asked
// for (the process died after asking, or the delivery's own call is under way) answers the same run
// and queues nothing twice. Those that can never be asked for are settled with the reason logged
// (decision 110). Each store is read as it is now: automatic sync turned off since settles its entries.
// An entry younger than the grace (2 minutes; SYNCO_AUTO_SYNC_SWEEP_GRACE_SECONDS) is left to the
// process that owes it, which asks within a second unless it died.
import "server-only";
import { and, asc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { owedAutoSyncs } from "@/db/schema/odoo-sync";
import { stores } from "@/db/schema/stores";
import { logger } from "@/lib/logger";
import { queueOwedAutoSync, type OwedSyncOutcome } from "./auto-sync-item";

const BATCH = 200;

const graceSeconds = () => Number(process.env.SYNCO_AUTO_SYNC_SWEEP_GRACE_SECONDS ?? 120);

export async function sweepOwedAutoSyncs({
  batch = BATCH,
  olderThanSeconds = graceSeconds(),
}: { batch?: number; olderThanSeconds?: number } = {}): Promise<Record<OwedSyncOutcome, number>> {
  const counts: Record<OwedSyncOutcome, number> = { queued: 0, refused: 0, kept: 0 };
  // One pass in owed order: an entry kept for a database failure waits for the next sweep.
  let after: { owedAt: Date; webhookId: string } | null = null;
  for (;;) {
    const owed = await db
      .select()
      .from(owedAutoSyncs)
      .where(
        and(
          lt(owedAutoSyncs.owedAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
          after
            ? or(
                gt(owedAutoSyncs.owedAt, after.owedAt),
                and(eq(owedAutoSyncs.owedAt, after.owedAt), gt(owedAutoSyncs.webhookId, after.webhookId)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(owedAutoSyncs.owedAt), asc(owedAutoSyncs.webhookId))
      .limit(batch);
    if (owed.length === 0) break;
    const storeIds = [...new Set(owed.map((entry) => entry.storeId))];
    const byId = new Map((await db.select().from(stores).where(inArray(stores.id, storeIds))).map((s) => [s.id, s]));
    for (const entry of owed) {
      // A store deleted since took its entries with it (cascade).
      const store = byId.get(entry.storeId);
      if (store) counts[await queueOwedAutoSync({ owed: entry, store })]++;
    }
    after = owed.at(-1)!;
    if (owed.length < batch) break;
  }
  if (counts.queued || counts.refused || counts.kept) logger.info(counts, "swept owed automatic syncs");
  return counts;
}
