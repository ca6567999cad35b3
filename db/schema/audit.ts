// The audit log: one row per security-relevant action, append-only (a trigger in the migration
// rejects UPDATE, DELETE and TRUNCATE). Actor email and ids are copied, not referenced, so the
// record outlives users, organizations and stores.
import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { AuditAction, AuditOutcome } from "@/lib/vocabulary/audit";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    organizationId: text("organization_id").notNull(),
    storeId: text("store_id"),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").$type<AuditAction>().notNull(),
    outcome: text("outcome").$type<AuditOutcome>().notNull(),
    target: text("target"),
    // Written only by recordAudit, typed per action by AuditEvent (lib/vocabulary/audit.ts); listAudit
    // reads rows back as that union.
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("audit_log_organization_idx").on(t.organizationId, t.id),
    index("audit_log_store_idx").on(t.storeId, t.id),
  ],
);
export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
