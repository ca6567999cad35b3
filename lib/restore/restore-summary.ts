// A restore run's outcome counted from its rows: one grouped statement over the run's rows.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { RestoreRowOutcome, RestoreSkipReason } from "@/lib/vocabulary/restore";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { TRestoreSummary } from "./schemas";

export async function restoreSummary(runId: string): Promise<TRestoreSummary> {
  const { rows } = await db.execute<{
    type: ResourceType | null;
    outcome: RestoreRowOutcome | null;
    reason: RestoreSkipReason | null;
    n: string;
  }>(sql`
    select resource_type as type, outcome, reason, count(*) as n
    from mapping_restore_rows where run_id = ${runId}
    group by resource_type, outcome, reason`);
  const summary: TRestoreSummary = { rows: 0, restored: 0, unchanged: 0, skipped: 0, reasons: {}, types: {} };
  for (const row of rows) {
    const n = Number(row.n);
    summary.rows += n;
    if (!row.outcome) continue;
    summary[row.outcome] += n;
    if (row.reason) summary.reasons[row.reason] = (summary.reasons[row.reason] ?? 0) + n;
    if (row.type) {
      const type = (summary.types[row.type] ??= { restored: 0, unchanged: 0, skipped: 0 });
      type[row.outcome] += n;
    }
  }
  return summary;
}
