// Answer shapes of the audit routes. No server imports: the pages use these too.
import type { AuditEvent, AuditOutcome } from "@/lib/vocabulary/audit";

/** A row of the audit log as services read it: one AuditEvent, who did it, where and when. */
export type AuditRecord = AuditEvent & {
  id: number;
  at: Date;
  organizationId: string;
  storeId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  outcome: AuditOutcome;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
};

/** GET /api/organization/audit — newest first; `nextBefore` asks for the next page. */
export type TListAuditResponse = { entries: AuditRecord[]; nextBefore: number | null };
