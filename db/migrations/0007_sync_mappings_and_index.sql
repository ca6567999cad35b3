CREATE TABLE "sync_mappings" (
	"store_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"shopify_id" bigint NOT NULL,
	"odoo_id" bigint,
	"odoo_invoice_id" bigint,
	"status" text NOT NULL,
	"synced_at" timestamp (3) with time zone,
	"last_error" text,
	"version" integer DEFAULT 1 NOT NULL,
	"mirror_state" text DEFAULT 'pending' NOT NULL,
	"mirror_error" text,
	"mirrored_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_mappings_pkey" PRIMARY KEY("store_id","resource_type","shopify_id")
);
--> statement-breakpoint
CREATE TABLE "sync_status_counts" (
	"store_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"items_synced" bigint DEFAULT 0 NOT NULL,
	"items_failed" bigint DEFAULT 0 NOT NULL,
	"mappings_synced" bigint DEFAULT 0 NOT NULL,
	"mappings_failed" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_status_counts_pkey" PRIMARY KEY("store_id","resource_type")
);
--> statement-breakpoint
CREATE TABLE "shopify_index_items" (
	"store_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"shopify_id" bigint NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"email" text,
	"skus" text[] DEFAULT '{}'::text[] NOT NULL,
	"order_name" text,
	"shopify_updated_at" timestamp (3) with time zone NOT NULL,
	"sync_status" text,
	"search_text" text DEFAULT '' NOT NULL,
	"indexed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shopify_index_items_pkey" PRIMARY KEY("store_id","resource_type","shopify_id")
);
--> statement-breakpoint
CREATE TABLE "shopify_index_status" (
	"store_id" text PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'never' NOT NULL,
	"job_id" text,
	"requested_at" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"refreshed_at" timestamp (3) with time zone,
	"last_error" text,
	"imported" jsonb,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shopify_index_tombstones" (
	"store_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"shopify_id" bigint NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shopify_index_tombstones_pkey" PRIMARY KEY("store_id","resource_type","shopify_id")
);
--> statement-breakpoint
ALTER TABLE "sync_mappings" ADD CONSTRAINT "sync_mappings_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_status_counts" ADD CONSTRAINT "sync_status_counts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_index_items" ADD CONSTRAINT "shopify_index_items_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_index_status" ADD CONSTRAINT "shopify_index_status_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_index_tombstones" ADD CONSTRAINT "shopify_index_tombstones_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_mappings_synced_at_idx" ON "sync_mappings" USING btree ("store_id","resource_type","synced_at");--> statement-breakpoint
CREATE INDEX "sync_mappings_mirror_pending_idx" ON "sync_mappings" USING btree ("store_id","resource_type","shopify_id") WHERE mirror_state <> 'done';--> statement-breakpoint
CREATE INDEX "shopify_index_items_status_idx" ON "shopify_index_items" USING btree ("store_id","resource_type","sync_status","shopify_id");--> statement-breakpoint
CREATE INDEX "shopify_index_items_search_idx" ON "shopify_index_items" USING gin ("search_text" gin_trgm_ops);