-- Automatic syncs owed by webhook deliveries (decision 110): written in the delivery's transaction,
-- deleted once the sync is asked for; what a crash leaves is asked for by a sweep every minute.
CREATE TABLE "owed_auto_syncs" (
	"webhook_id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"shopify_id" bigint NOT NULL,
	"owed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "owed_auto_syncs" ADD CONSTRAINT "owed_auto_syncs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;