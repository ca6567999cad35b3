// The audit log as a CSV download: the same filters as the page, every matching row, newest
// first, one keyset page at a time as the reader pulls (no transaction held open, nothing in
// memory but a page). The export is itself recorded — the first row it contains.
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { stores } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { logger } from "@/lib/logger";
import { csvLine } from "@/lib/runtime/csv";
import { AUDIT_ACTION_LABEL, type AuditFilterDetails } from "@/lib/vocabulary/audit";
import { describeAuditEvent } from "./describe-audit-event";
import { listAudit } from "./list-audit";
import { recordAudit, type Actor } from "./record-audit";
import type { TAuditEntry, TAuditFilters } from "./schemas";

export const AUDIT_CSV_COLUMNS = [
  "time",
  "store",
  "shop_domain",
  "actor",
  "action",
  "action_name",
  "what_happened",
  "outcome",
  "ip",
  "user_agent",
] as const;

type Options = TAuditFilters & { organizationId: string; exportedBy: Actor; pageSize?: number; db?: Db };

export async function exportAudit({
  organizationId,
  exportedBy,
  pageSize = 1000,
  db = defaultDb,
  ...filters
}: Options): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  await recordAudit(db, exportedBy, {
    organizationId,
    action: "audit.exported",
    details: { format: "csv", filters: await filterDetails(db, organizationId, filters) },
  });
  const encoder = new TextEncoder();
  let before: number | undefined;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const page = await listAudit({ organizationId, ...filters, before, limit: pageSize, db });
        const head = first ? csvLine(AUDIT_CSV_COLUMNS) : "";
        first = false;
        controller.enqueue(encoder.encode(head + page.entries.map(toCsvLine).join("")));
        if (page.nextBefore === null) controller.close();
        else before = page.nextBefore;
      } catch (error) {
        logger.error({ err: error, organizationId }, "audit export failed mid-stream");
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return { stream, filename: `synco-audit-log-${stamp}.csv` };
}

function toCsvLine(entry: TAuditEntry): string {
  const label = (AUDIT_ACTION_LABEL as Record<string, string | undefined>)[entry.action] ?? entry.action;
  return csvLine([
    entry.at.toISOString(),
    entry.store?.name,
    entry.store?.shopDomain ?? (entry.storeId ? entry.target : null),
    entry.actorEmail ?? "Synco",
    entry.action,
    label,
    describeAuditEvent(entry),
    entry.outcome,
    entry.ip,
    entry.userAgent,
  ]);
}

// What the record of the export keeps: the filters, with the store named (an id alone says little later).
async function filterDetails(db: Db, organizationId: string, filters: TAuditFilters): Promise<AuditFilterDetails> {
  const details: AuditFilterDetails = {};
  if (filters.storeId) {
    const [store] = await db
      .select({ shopDomain: stores.shopDomain })
      .from(stores)
      .where(storeScope({ storeId: filters.storeId, organizationId }));
    details.store = { id: filters.storeId, shopDomain: store?.shopDomain ?? null };
  }
  if (filters.action) details.action = filters.action;
  if (filters.actor) details.actor = filters.actor;
  if (filters.from) details.from = filters.from.toISOString();
  if (filters.to) details.to = filters.to.toISOString();
  return details;
}
