CREATE TABLE "odoo_sync_queue" (
	"store_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"shopify_id" bigint NOT NULL,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "odoo_sync_queue_pkey" PRIMARY KEY("store_id","resource_type","shopify_id")
);
--> statement-breakpoint
CREATE TABLE "odoo_sync_requests" (
	"store_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"run_id" uuid NOT NULL,
	"request" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "odoo_sync_requests_pkey" PRIMARY KEY("store_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "operation_runs" drop column "exclusive";--> statement-breakpoint
ALTER TABLE "operation_runs" ADD COLUMN "exclusive" boolean GENERATED ALWAYS AS (kind = 'clear') STORED NOT NULL;--> statement-breakpoint
-- Dropping the column dropped the index built on it: a clear is still one per store, a sync waits for it (decision 85).
CREATE UNIQUE INDEX "operation_runs_one_exclusive_idx" ON "operation_runs" USING btree ("store_id") WHERE exclusive and status in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "odoo_sync_queue" ADD CONSTRAINT "odoo_sync_queue_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "odoo_sync_requests" ADD CONSTRAINT "odoo_sync_requests_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "odoo_sync_requests" ADD CONSTRAINT "odoo_sync_requests_run_id_operation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."operation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "odoo_sync_requests_run_idx" ON "odoo_sync_requests" USING btree ("run_id");