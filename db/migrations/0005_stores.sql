CREATE TABLE "shopify_oauth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"session_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"shop_domain" text NOT NULL,
	"store_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shopify_webhook_events" (
	"webhook_id" text PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"shop_domain" text NOT NULL,
	"store_id" text,
	"event_id" text,
	"triggered_at" timestamp (3) with time zone,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"payload" jsonb,
	"processed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"shop_domain" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"api_version" text NOT NULL,
	"metafield_namespace" text DEFAULT 'synco' NOT NULL,
	"credentials_ciphertext" text,
	"credentials_key_id" text,
	"status" text DEFAULT 'connected' NOT NULL,
	"sandbox_size" text,
	"seed_status" text,
	"sync_paused" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"connected_at" timestamp (3) with time zone,
	"disconnected_at" timestamp (3) with time zone,
	"last_activity_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "shopify_oauth_states" ADD CONSTRAINT "shopify_oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_oauth_states" ADD CONSTRAINT "shopify_oauth_states_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_webhook_events" ADD CONSTRAINT "shopify_webhook_events_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shopify_oauth_states_expires_idx" ON "shopify_oauth_states" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "shopify_webhook_events_shop_idx" ON "shopify_webhook_events" USING btree ("shop_domain","received_at");--> statement-breakpoint
CREATE INDEX "shopify_webhook_events_pending_idx" ON "shopify_webhook_events" USING btree ("store_id","received_at") WHERE processed_at IS NULL;--> statement-breakpoint
CREATE INDEX "stores_organization_idx" ON "stores" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stores_live_shop_domain_idx" ON "stores" USING btree ("shop_domain") WHERE status <> 'disconnected';