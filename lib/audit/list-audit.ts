import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema/audit";
import type { AuditRecord, TListAuditResponse } from "./schemas";

export const ZListAuditQuery = z.object({
  before: z.coerce
    .number({ error: "before must be a number" })
    .int()
    .positive("before must be a positive id")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int()
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .default(25),
});

/** Newest first, keyset-paginated by id (`before` = the last id of the previous page). */
export async function listAudit({
  organizationId,
  storeId,
  before,
  limit,
}: { organizationId: string; storeId?: string } & z.infer<typeof ZListAuditQuery>): Promise<TListAuditResponse> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, organizationId),
        storeId ? eq(auditLog.storeId, storeId) : undefined,
        before ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  // Rows are written only by recordAudit, which takes an AuditEvent: each row is one.
  const page = rows.slice(0, limit) as AuditRecord[];
  return { entries: page, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}
