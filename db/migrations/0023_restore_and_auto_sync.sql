-- A restore from a mapping export is an exclusive run, like a clear (one of the two per store at a
-- time); its file's rows are staged for the run. Stores get the automatic-sync setting (off).
CREATE TABLE "mapping_restore_rows" (
	"run_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"resource_type" text,
	"shopify_id" bigint,
	"odoo_id" bigint,
	"odoo_invoice_id" bigint,
	"status" text,
	"synced_at" timestamp (3) with time zone,
	"email" text,
	"skus" text[],
	"order_name" text,
	"outcome" text,
	"reason" text,
	"detail" text,
	CONSTRAINT "mapping_restore_rows_pkey" PRIMARY KEY("run_id","row_number")
);
--> statement-breakpoint
ALTER TABLE "operation_runs" drop column "exclusive";--> statement-breakpoint
ALTER TABLE "operation_runs" ADD COLUMN "exclusive" boolean GENERATED ALWAYS AS (kind in ('clear', 'restore')) STORED NOT NULL;--> statement-breakpoint
-- Dropping the column dropped the index that holds one exclusive run per store: made again.
CREATE UNIQUE INDEX "operation_runs_one_exclusive_idx" ON "operation_runs" USING btree ("store_id") WHERE exclusive and status in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "auto_sync" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "mapping_restore_rows" ADD CONSTRAINT "mapping_restore_rows_run_id_operation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."operation_runs"("id") ON DELETE cascade ON UPDATE no action;