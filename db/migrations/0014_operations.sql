CREATE TABLE "operation_events" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "operation_events_pkey" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "operation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"exclusive" boolean GENERATED ALWAYS AS (kind in ('clear', 'sync')) STORED NOT NULL,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"phase_started_at" timestamp (3) with time zone,
	"counters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checkpoint" jsonb,
	"strategy" text,
	"estimated_finish_at" timestamp (3) with time zone,
	"trigger" text DEFAULT 'user' NOT NULL,
	"actor_id" text,
	"actor_email" text,
	"idempotency_key" text,
	"job_schema" text,
	"job_name" text,
	"job_id" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"resumes" integer DEFAULT 0 NOT NULL,
	"lease" text,
	"heartbeat_at" timestamp (3) with time zone,
	"cancel_requested_at" timestamp (3) with time zone,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"error" text,
	"summary" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operation_events" ADD CONSTRAINT "operation_events_run_id_operation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."operation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_runs" ADD CONSTRAINT "operation_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_runs" ADD CONSTRAINT "operation_runs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_runs" ADD CONSTRAINT "operation_runs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operation_runs_one_exclusive_idx" ON "operation_runs" USING btree ("store_id") WHERE exclusive and status in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "operation_runs_one_per_kind_idx" ON "operation_runs" USING btree ("store_id","kind") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "operation_runs_idempotency_idx" ON "operation_runs" USING btree ("store_id","kind","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "operation_runs_store_created_idx" ON "operation_runs" USING btree ("store_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "operation_runs_store_kind_created_idx" ON "operation_runs" USING btree ("store_id","kind","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "operation_runs_active_idx" ON "operation_runs" USING btree ("organization_id","store_id") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "operation_runs_mirror_done_idx" ON "operation_runs" USING btree ("finished_at") WHERE kind = 'mirror' and status = 'succeeded';--> statement-breakpoint
-- Every event reaches every app process: the worker's commit wakes each process's one LISTEN connection.
CREATE FUNCTION synco_notify_operation_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  run record;
BEGIN
  SELECT store_id, organization_id INTO run FROM operation_runs WHERE id = NEW.run_id;
  PERFORM pg_notify('synco_operation_events', json_build_object(
    'run', NEW.run_id, 'seq', NEW.seq, 'type', NEW.type, 'store', run.store_id, 'org', run.organization_id)::text);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER operation_events_notify AFTER INSERT ON operation_events
  FOR EACH ROW EXECUTE FUNCTION synco_notify_operation_event();--> statement-breakpoint
-- A timeline is appended to, never rewritten (rows go only with their run).
CREATE FUNCTION synco_operation_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'operation_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER operation_events_no_update BEFORE UPDATE ON operation_events
  FOR EACH ROW EXECUTE FUNCTION synco_operation_events_append_only();--> statement-breakpoint
-- Progress counters per resource type: done and failed add up, planned is set when given. Written
-- in the transaction of the work it counts, so a batch is counted once or not at all.
CREATE FUNCTION synco_add_counters(counters jsonb, delta jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT counters || COALESCE((
    SELECT jsonb_object_agg(d.key, jsonb_build_object(
      'planned', CASE WHEN d.value ? 'planned' THEN d.value->'planned' ELSE COALESCE(counters->d.key->'planned', 'null'::jsonb) END,
      'done', COALESCE((counters->d.key->>'done')::bigint, 0) + COALESCE((d.value->>'done')::bigint, 0),
      'failed', COALESCE((counters->d.key->>'failed')::bigint, 0) + COALESCE((d.value->>'failed')::bigint, 0)))
    FROM jsonb_each(delta) d), '{}'::jsonb)
$$;--> statement-breakpoint
-- The old state moves onto runs: the last refresh of each store (its start is "last refreshed"),
-- and sandbox seeding still under way or failed. Work that was queued or running comes back as a
-- queued run without a job, which the guard (lib/operations/guard-runs.ts) queues again.
INSERT INTO operation_runs (organization_id, store_id, kind, status, counters, trigger, error, created_at, started_at, finished_at, updated_at)
SELECT s.organization_id, i.store_id, 'index_refresh',
  CASE i.state WHEN 'succeeded' THEN 'succeeded' WHEN 'failed' THEN 'failed' ELSE 'queued' END,
  COALESCE((SELECT jsonb_object_agg(t.key, jsonb_build_object('planned', NULL, 'done', t.value::int, 'failed', 0))
    FROM jsonb_each_text(i.imported) t), '{}'::jsonb),
  'connect', i.last_error,
  COALESCE(i.requested_at, i.started_at, i.updated_at),
  CASE WHEN i.state = 'succeeded' THEN i.refreshed_at ELSE i.started_at END,
  CASE WHEN i.state IN ('succeeded', 'failed') THEN i.finished_at END,
  i.updated_at
FROM shopify_index_status i JOIN stores s ON s.id = i.store_id
WHERE i.state <> 'never';--> statement-breakpoint
INSERT INTO operation_runs (organization_id, store_id, kind, status, scope, trigger, error, created_at, finished_at, updated_at)
SELECT organization_id, id, 'seed', CASE seed_status WHEN 'failed' THEN 'failed' ELSE 'queued' END,
  jsonb_build_object('size', sandbox_size), 'user',
  CASE seed_status WHEN 'failed' THEN 'The sample data could not be created' END,
  created_at, CASE seed_status WHEN 'failed' THEN updated_at END, updated_at
FROM stores WHERE seed_status IN ('seeding', 'failed');--> statement-breakpoint
DROP TABLE "shopify_index_status" CASCADE;--> statement-breakpoint
ALTER TABLE "stores" DROP COLUMN "seed_status";
