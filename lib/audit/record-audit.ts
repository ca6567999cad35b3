import { auditLog } from "@/db/schema/audit";
import type { Db } from "@/db/handle";

/** Who did something, as the audit log keeps it (copied, so it outlives the account). */
export type Actor = { userId: string; email: string; name: string; ip: string | null; userAgent: string | null };

export type AuditEntry = {
  organizationId: string;
  storeId?: string | null;
  action: string;
  outcome?: "succeeded" | "failed" | "cancelled";
  target?: string | null;
  details?: Record<string, unknown>;
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
    details: entry.details ?? {},
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent?.slice(0, 500) ?? null,
  });
}
