// Operations: one row per piece of long work on a store (seeding a sandbox store, refreshing its
// index, mirroring mappings to Shopify, and next the clear and the sync), and its append-only
// timeline of events. Every event insert NOTIFYs (trigger in the `operations` migration), which
// is how progress written by a worker in one process reaches the pages served by every other.
// At most one *exclusive* run (clear, sync, restore) and one run of each kind per store is queued or
// running: partial unique indexes hold that, not only the queue.
import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  OperationCounters,
  OperationEventType,
  OperationKind,
  OperationStatus,
  OperationTrigger,
} from "@/lib/vocabulary/operations";
import { organization, user } from "./auth";
import { stores } from "./stores";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

const activeStatus: SQL = sql`status in ('queued', 'running')`;

export const operationRuns = pgTable(
  "operation_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    storeId: text("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    kind: text("kind").$type<OperationKind>().notNull(),
    // Decided by the kind, in the database, so no code path can start a second exclusive run.
    exclusive: boolean("exclusive")
      .notNull()
      .generatedAlwaysAs(sql`kind in ('clear', 'restore')`),
    /** What the run covers and the kind's parameters (resource types, sandbox size…). */
    scope: jsonb("scope").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").$type<OperationStatus>().notNull().default("queued"),
    phase: text("phase"),
    phaseStartedAt: instant("phase_started_at"),
    counters: jsonb("counters").$type<OperationCounters>().notNull().default({}),
    /** Where a resumed run continues: written in the transaction of the work it describes. */
    checkpoint: jsonb("checkpoint"),
    strategy: text("strategy"),
    /** The kind's own estimate, when it has a better one than done ÷ rate (a bulk operation's, say). */
    estimatedFinishAt: instant("estimated_finish_at"),
    trigger: text("trigger").$type<OperationTrigger>().notNull().default("user"),
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }),
    /** Copied, so the history outlives the account. */
    actorEmail: text("actor_email"),
    idempotencyKey: text("idempotency_key"),
    /** The pg-boss schema, queue and id of the job executing the run (the guard checks it is alive). */
    jobSchema: text("job_schema"),
    jobName: text("job_name"),
    jobId: text("job_id"),
    /** Executions started (a retry or a resume starts another). */
    attempt: integer("attempt").notNull().default(0),
    resumes: integer("resumes").notNull().default(0),
    /** The execution that owns the run: every write of a worker checks it, so a superseded one stops. */
    lease: text("lease"),
    heartbeatAt: instant("heartbeat_at"),
    cancelRequestedAt: instant("cancel_requested_at"),
    lastSeq: integer("last_seq").notNull().default(0),
    error: text("error"),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    createdAt: instant("created_at").notNull().defaultNow(),
    startedAt: instant("started_at"),
    finishedAt: instant("finished_at"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("operation_runs_one_exclusive_idx")
      .on(t.storeId)
      .where(sql`exclusive and ${activeStatus}`),
    uniqueIndex("operation_runs_one_per_kind_idx").on(t.storeId, t.kind).where(activeStatus),
    uniqueIndex("operation_runs_idempotency_idx")
      .on(t.storeId, t.kind, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    // History, newest first, and "the last refresh / seed" of a store.
    index("operation_runs_store_created_idx").on(t.storeId, t.createdAt.desc(), t.id.desc()),
    index("operation_runs_store_kind_created_idx").on(t.storeId, t.kind, t.createdAt.desc()),
    // The active runs of an organization (stores list) and of the whole database (the guard).
    index("operation_runs_active_idx").on(t.organizationId, t.storeId).where(activeStatus),
    // Retention of the mirror's succeeded runs.
    index("operation_runs_mirror_done_idx")
      .on(t.finishedAt)
      .where(sql`kind = 'mirror' and status = 'succeeded'`),
  ],
);
export type OperationRun = typeof operationRuns.$inferSelect;
export type NewOperationRun = typeof operationRuns.$inferInsert;

export const operationEvents = pgTable(
  "operation_events",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => operationRuns.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per run: the SSE event id a reconnecting client sends back as Last-Event-ID. */
    seq: integer("seq").notNull(),
    type: text("type").$type<OperationEventType>().notNull(),
    at: instant("at").notNull().defaultNow(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ name: "operation_events_pkey", columns: [t.runId, t.seq] })],
);
export type OperationEvent = typeof operationEvents.$inferSelect;
