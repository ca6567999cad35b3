CREATE TABLE "store_odoo_connections" (
	"store_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"sandbox" boolean DEFAULT false NOT NULL,
	"url" text NOT NULL,
	"database" text NOT NULL,
	"login" text NOT NULL,
	"protocol" text DEFAULT 'auto' NOT NULL,
	"api_key_ciphertext" text NOT NULL,
	"api_key_key_id" text NOT NULL,
	"last_test" jsonb,
	"updated_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_odoo_connections" ADD CONSTRAINT "store_odoo_connections_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_odoo_connections" ADD CONSTRAINT "store_odoo_connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_odoo_connections" ADD CONSTRAINT "store_odoo_connections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;