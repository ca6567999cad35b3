import type { Db } from "@/db/handle";
import { auditLog } from "@/db/schema/audit";
import type { AuditEvent, AuditOutcome } from "@/lib/vocabulary/audit";

/** Who did something, as the audit log keeps it (copied, so it outlives the account). */
export type Actor = { userId: string; email: string; name: string; ip: string | null; userAgent: string | null };

/** One of the actions of audit-events.ts with its details, and where it happened. */
export type AuditEntry = AuditEvent & {
  organizationId: string;
  storeId?: string | null;
  outcome?: AuditOutcome;
  target?: string | null;
};

/** Appends one row; pass the transaction of the change so the record and the change commit together. */
export async function recordAudit(writer: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await writer.insert(auditLog).values({
    organizationId: entry.organizationId,
    storeId: entry.storeId ?? null,
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    outcome: entry.outcome ?? "succeeded",
    target: entry.target ?? null,
    details: entry.details,
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent?.slice(0, 500) ?? null,
  });
}
