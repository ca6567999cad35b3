CREATE TABLE "sandbox_shopify_bulk_operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"installation_id" bigint NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'CREATED' NOT NULL,
	"query" text NOT NULL,
	"input_file_id" bigint,
	"client_identifier" text,
	"error_code" text,
	"object_count" bigint DEFAULT 0 NOT NULL,
	"root_object_count" bigint DEFAULT 0 NOT NULL,
	"result_file_id" bigint,
	"checkpoint" jsonb,
	"fail_after_objects" integer,
	"base_url" text NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (0) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_file_chunks" (
	"file_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "sandbox_shopify_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"signature" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"uploaded_at" timestamp (3) with time zone,
	"consumed_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_shopify_files_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_faults" (
	"shop_id" bigint PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"subscription_id" bigint,
	"app_id" bigint NOT NULL,
	"topic" text NOT NULL,
	"uri" text NOT NULL,
	"shop_domain" text NOT NULL,
	"api_version" text NOT NULL,
	"webhook_id" text NOT NULL,
	"event_id" text NOT NULL,
	"triggered_at" timestamp (3) with time zone NOT NULL,
	"body" text NOT NULL,
	"hmac" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"retry_delays_ms" integer[] NOT NULL,
	"timeout_ms" integer NOT NULL,
	"send_twice" boolean DEFAULT false NOT NULL,
	"successful_sends" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"last_response_status" integer,
	"last_error" text,
	"delivered_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_shopify_webhook_deliveries_webhook_id_unique" UNIQUE("webhook_id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_webhook_subscriptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"installation_id" bigint NOT NULL,
	"topic" text NOT NULL,
	"uri" text NOT NULL,
	"format" text DEFAULT 'JSON' NOT NULL,
	"api_version" text NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sandbox_shopify_bulk_operations" ADD CONSTRAINT "sandbox_shopify_bulk_operations_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_bulk_operations" ADD CONSTRAINT "sandbox_shopify_bulk_operations_installation_id_sandbox_shopify_app_installations_id_fk" FOREIGN KEY ("installation_id") REFERENCES "public"."sandbox_shopify_app_installations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_bulk_operations" ADD CONSTRAINT "sandbox_shopify_bulk_operations_input_file_id_sandbox_shopify_files_id_fk" FOREIGN KEY ("input_file_id") REFERENCES "public"."sandbox_shopify_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_bulk_operations" ADD CONSTRAINT "sandbox_shopify_bulk_operations_result_file_id_sandbox_shopify_files_id_fk" FOREIGN KEY ("result_file_id") REFERENCES "public"."sandbox_shopify_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_file_chunks" ADD CONSTRAINT "sandbox_shopify_file_chunks_file_id_sandbox_shopify_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."sandbox_shopify_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_files" ADD CONSTRAINT "sandbox_shopify_files_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_faults" ADD CONSTRAINT "sandbox_shopify_faults_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_webhook_deliveries" ADD CONSTRAINT "sandbox_shopify_webhook_deliveries_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_webhook_deliveries" ADD CONSTRAINT "sandbox_shopify_webhook_deliveries_subscription_id_sandbox_shopify_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."sandbox_shopify_webhook_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_webhook_subscriptions" ADD CONSTRAINT "sandbox_shopify_webhook_subscriptions_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_webhook_subscriptions" ADD CONSTRAINT "sandbox_shopify_webhook_subscriptions_installation_id_sandbox_shopify_app_installations_id_fk" FOREIGN KEY ("installation_id") REFERENCES "public"."sandbox_shopify_app_installations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_shopify_bulk_operations_app_idx" ON "sandbox_shopify_bulk_operations" USING btree ("installation_id","type","status");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_bulk_operations_list_idx" ON "sandbox_shopify_bulk_operations" USING btree ("installation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_bulk_operations_claim_idx" ON "sandbox_shopify_bulk_operations" USING btree ("lease_expires_at") WHERE status in ('CREATED', 'RUNNING', 'CANCELING');--> statement-breakpoint
CREATE INDEX "sandbox_shopify_files_expiry_idx" ON "sandbox_shopify_files" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_webhook_deliveries_due_idx" ON "sandbox_shopify_webhook_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "sandbox_shopify_webhook_deliveries_shop_idx" ON "sandbox_shopify_webhook_deliveries" USING btree ("shop_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_shopify_webhook_subscriptions_uri_idx" ON "sandbox_shopify_webhook_subscriptions" USING btree ("installation_id","topic","uri");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_webhook_subscriptions_topic_idx" ON "sandbox_shopify_webhook_subscriptions" USING btree ("shop_id","topic");