CREATE TABLE "sandbox_odoo_api_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox_odoo_api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"database_id" integer NOT NULL,
	"uid" integer NOT NULL,
	"name" text NOT NULL,
	"index" text NOT NULL,
	"key_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_odoo_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"database_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"protocol" text NOT NULL,
	"target" text NOT NULL,
	"uid" integer,
	"status" integer NOT NULL,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_odoo_credentials" (
	"database_id" integer NOT NULL,
	"uid" integer NOT NULL,
	"password_hash" text,
	"groups" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "sandbox_odoo_credentials_database_id_uid_pk" PRIMARY KEY("database_id","uid")
);
--> statement-breakpoint
CREATE TABLE "sandbox_odoo_databases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox_odoo_databases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"version" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_odoo_databases_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sandbox_odoo_faults" (
	"database_id" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_odoo_records" (
	"database_id" integer NOT NULL,
	"model" text NOT NULL,
	"id" integer NOT NULL,
	"vals" jsonb NOT NULL,
	CONSTRAINT "sandbox_odoo_records_database_id_model_id_pk" PRIMARY KEY("database_id","model","id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_odoo_sequences" (
	"database_id" integer NOT NULL,
	"name" text NOT NULL,
	"next" integer NOT NULL,
	CONSTRAINT "sandbox_odoo_sequences_database_id_name_pk" PRIMARY KEY("database_id","name")
);
--> statement-breakpoint
ALTER TABLE "sandbox_odoo_api_keys" ADD CONSTRAINT "sandbox_odoo_api_keys_database_id_sandbox_odoo_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."sandbox_odoo_databases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_odoo_calls" ADD CONSTRAINT "sandbox_odoo_calls_database_id_sandbox_odoo_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."sandbox_odoo_databases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_odoo_credentials" ADD CONSTRAINT "sandbox_odoo_credentials_database_id_sandbox_odoo_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."sandbox_odoo_databases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_odoo_faults" ADD CONSTRAINT "sandbox_odoo_faults_database_id_sandbox_odoo_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."sandbox_odoo_databases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_odoo_records" ADD CONSTRAINT "sandbox_odoo_records_database_id_sandbox_odoo_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."sandbox_odoo_databases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_odoo_sequences" ADD CONSTRAINT "sandbox_odoo_sequences_database_id_sandbox_odoo_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."sandbox_odoo_databases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_odoo_api_keys_index_idx" ON "sandbox_odoo_api_keys" USING btree ("database_id","index");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_odoo_api_keys_hash_idx" ON "sandbox_odoo_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "sandbox_odoo_calls_database_idx" ON "sandbox_odoo_calls" USING btree ("database_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_email_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",("vals"->>'email'));--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_default_code_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",("vals"->>'default_code'));--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_barcode_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",("vals"->>'barcode'));--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_client_order_ref_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",("vals"->>'client_order_ref'));--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_order_id_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",(("vals"->>'order_id')::int));--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_move_id_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",(("vals"->>'move_id')::int));--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_product_tmpl_id_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",(("vals"->>'product_tmpl_id')::int));--> statement-breakpoint
CREATE INDEX "sandbox_odoo_records_parent_id_idx" ON "sandbox_odoo_records" USING btree ("database_id","model",(("vals"->>'parent_id')::int));