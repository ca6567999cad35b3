// The organization's audit log, newest first, filtered and a page at a time (keyset on id).
import { and, desc, eq, gte, ilike, like, lt, type SQL } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { auditLog } from "@/db/schema/audit";
import { stores } from "@/db/schema/stores";
import type { AuditRecord, TAuditEntry, TAuditFilters, TListAuditResponse } from "./schemas";

type Options = TAuditFilters & {
  organizationId: string;
  /** The last id of the previous page. */
  before?: number;
  limit: number;
  db?: Db;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** The `where` of a filtered log; the organization's id is always in it. */
export function auditWhere({
  organizationId,
  storeId,
  action,
  actor,
  from,
  to,
}: TAuditFilters & { organizationId: string }) {
  const clauses: (SQL | undefined)[] = [
    eq(auditLog.organizationId, organizationId),
    storeId ? eq(auditLog.storeId, storeId) : undefined,
    action
      ? action.includes(".")
        ? eq(auditLog.action, action as AuditRecord["action"])
        : like(auditLog.action, `${escapeLike(action)}.%`)
      : undefined,
    actor ? ilike(auditLog.actorEmail, `%${escapeLike(actor)}%`) : undefined,
    from ? gte(auditLog.at, from) : undefined,
    to ? lt(auditLog.at, to) : undefined,
  ];
  return and(...clauses);
}

export async function listAudit({ before, limit, db = defaultDb, ...filters }: Options): Promise<TListAuditResponse> {
  const rows = await db
    .select({ entry: auditLog, store: { id: stores.id, name: stores.name, shopDomain: stores.shopDomain } })
    .from(auditLog)
    // The store as it is named now; its organization in the join keeps tenancy in the clause.
    .leftJoin(stores, and(eq(stores.id, auditLog.storeId), eq(stores.organizationId, auditLog.organizationId)))
    .where(and(auditWhere(filters), before ? lt(auditLog.id, before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  // Rows are written only by recordAudit, which takes an AuditEvent: each row is one.
  const page = rows.slice(0, limit).map(({ entry, store }) => ({ ...(entry as AuditRecord), store }) as TAuditEntry);
  return { entries: page, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}
