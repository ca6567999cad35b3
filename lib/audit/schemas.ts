// Queries and answers of the audit routes. No server imports: the pages use these too.
import { z } from "zod";
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

/** The store an entry is about, as it is named now (null for organization events). */
export type TAuditStore = { id: string; name: string; shopDomain: string };
export type TAuditEntry = AuditRecord & { store: TAuditStore | null };

/** GET /api/organization/audit — newest first; `nextBefore` asks for the next page. */
export type TListAuditResponse = { entries: TAuditEntry[]; nextBefore: number | null };

// A form sends an empty field for "any": the same as leaving it out.
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const instant = (name: string) =>
  optional(
    z.iso
      .datetime({ offset: true, error: `${name} must be a date and time (ISO 8601, e.g. 2026-05-01T00:00:00Z)` })
      .transform((value) => new Date(value)),
  );

const filterShape = {
  storeId: optional(z.string().trim().max(100, "storeId is not a store id")),
  action: optional(
    z
      .string()
      .trim()
      .regex(/^[a-z_]+(\.[a-z_]+)?$/, "action must be an audit action (e.g. store.connected) or a group (e.g. store)"),
  ),
  /** Part of the actor's email, any case. */
  actor: optional(z.string().trim().max(320, "actor must be at most 320 characters")),
  /** From this instant (inclusive)… */
  from: instant("from"),
  /** …to this one (exclusive). */
  to: instant("to"),
};

const fromBeforeTo = (value: { from?: Date; to?: Date }) => !value.from || !value.to || value.from < value.to;
const RANGE = { message: "from must be before to", path: ["from"] };

/** Which entries: of one store, one action (or group of actions), one actor, a time range. */
export const ZAuditFilters = z.object(filterShape).refine(fromBeforeTo, RANGE);
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export const ZListAuditQuery = z
  .object({
    ...filterShape,
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
  })
  .refine(fromBeforeTo, RANGE);
export type TListAuditQuery = z.infer<typeof ZListAuditQuery>;
