CREATE TABLE "sandbox_shopify_app_installations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"app_id" bigint NOT NULL,
	"app_handle" text NOT NULL,
	"access_token_hash" text NOT NULL,
	"api_secret" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"bucket_available" double precision,
	"bucket_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_shopify_app_installations_access_token_hash_unique" UNIQUE("access_token_hash")
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_customers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"email" text,
	"first_name" text,
	"last_name" text,
	"display_name" text GENERATED ALWAYS AS (coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email, '')) STORED,
	"note" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_metafield_definitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"owner_type" text NOT NULL,
	"namespace" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" text NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_metafields" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" bigint NOT NULL,
	"namespace" text NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_order_line_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"order_id" bigint NOT NULL,
	"product_id" bigint,
	"variant_id" bigint,
	"title" text NOT NULL,
	"variant_title" text,
	"sku" text,
	"quantity" integer NOT NULL,
	"price" numeric(14, 2) DEFAULT '0' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_orders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"customer_id" bigint,
	"currency_code" text NOT NULL,
	"subtotal_price" numeric(14, 2) DEFAULT '0' NOT NULL,
	"total_tax" numeric(14, 2) DEFAULT '0' NOT NULL,
	"total_price" numeric(14, 2) DEFAULT '0' NOT NULL,
	"note" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"processed_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_product_variants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	"title" text NOT NULL,
	"sku" text,
	"price" numeric(14, 2) DEFAULT '0' NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_products" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" bigint NOT NULL,
	"title" text NOT NULL,
	"handle" text NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"product_type" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_shopify_shops" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"plan" text DEFAULT 'standard' NOT NULL,
	"currency_code" text DEFAULT 'USD' NOT NULL,
	"throttle_enabled" boolean DEFAULT true NOT NULL,
	"bucket_size" integer,
	"next_order_number" integer DEFAULT 1001 NOT NULL,
	"created_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (0) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_shopify_shops_domain_unique" UNIQUE("domain")
);
--> statement-breakpoint
ALTER TABLE "sandbox_shopify_app_installations" ADD CONSTRAINT "sandbox_shopify_app_installations_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_customers" ADD CONSTRAINT "sandbox_shopify_customers_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_metafield_definitions" ADD CONSTRAINT "sandbox_shopify_metafield_definitions_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_metafields" ADD CONSTRAINT "sandbox_shopify_metafields_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_order_line_items" ADD CONSTRAINT "sandbox_shopify_order_line_items_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_order_line_items" ADD CONSTRAINT "sandbox_shopify_order_line_items_order_id_sandbox_shopify_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."sandbox_shopify_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_order_line_items" ADD CONSTRAINT "sandbox_shopify_order_line_items_product_id_sandbox_shopify_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."sandbox_shopify_products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_order_line_items" ADD CONSTRAINT "sandbox_shopify_order_line_items_variant_id_sandbox_shopify_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."sandbox_shopify_product_variants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_orders" ADD CONSTRAINT "sandbox_shopify_orders_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_orders" ADD CONSTRAINT "sandbox_shopify_orders_customer_id_sandbox_shopify_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."sandbox_shopify_customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_product_variants" ADD CONSTRAINT "sandbox_shopify_product_variants_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_product_variants" ADD CONSTRAINT "sandbox_shopify_product_variants_product_id_sandbox_shopify_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."sandbox_shopify_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_products" ADD CONSTRAINT "sandbox_shopify_products_shop_id_sandbox_shopify_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."sandbox_shopify_shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_shopify_app_installations_shop_app_idx" ON "sandbox_shopify_app_installations" USING btree ("shop_id","app_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_shopify_customers_email_idx" ON "sandbox_shopify_customers" USING btree ("shop_id",lower("email"));--> statement-breakpoint
CREATE INDEX "sandbox_shopify_customers_shop_id_idx" ON "sandbox_shopify_customers" USING btree ("shop_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_customers_updated_idx" ON "sandbox_shopify_customers" USING btree ("shop_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_customers_created_idx" ON "sandbox_shopify_customers" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_customers_name_idx" ON "sandbox_shopify_customers" USING btree ("shop_id","display_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_shopify_metafield_definitions_key_idx" ON "sandbox_shopify_metafield_definitions" USING btree ("shop_id","owner_type","namespace","key");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_shopify_metafields_owner_key_idx" ON "sandbox_shopify_metafields" USING btree ("shop_id","owner_type","owner_id","namespace","key");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_metafields_owner_id_idx" ON "sandbox_shopify_metafields" USING btree ("shop_id","owner_type","owner_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_metafields_namespace_idx" ON "sandbox_shopify_metafields" USING btree ("shop_id","namespace","key","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_order_line_items_order_idx" ON "sandbox_shopify_order_line_items" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_order_line_items_sku_idx" ON "sandbox_shopify_order_line_items" USING btree ("shop_id","sku");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_shopify_orders_number_idx" ON "sandbox_shopify_orders" USING btree ("shop_id","number");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_orders_shop_id_idx" ON "sandbox_shopify_orders" USING btree ("shop_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_orders_updated_idx" ON "sandbox_shopify_orders" USING btree ("shop_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_orders_created_idx" ON "sandbox_shopify_orders" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_orders_processed_idx" ON "sandbox_shopify_orders" USING btree ("shop_id","processed_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_orders_email_idx" ON "sandbox_shopify_orders" USING btree ("shop_id",lower("email"));--> statement-breakpoint
CREATE INDEX "sandbox_shopify_orders_customer_idx" ON "sandbox_shopify_orders" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_product_variants_product_idx" ON "sandbox_shopify_product_variants" USING btree ("product_id","position","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_product_variants_shop_id_idx" ON "sandbox_shopify_product_variants" USING btree ("shop_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_product_variants_sku_idx" ON "sandbox_shopify_product_variants" USING btree ("shop_id","sku");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_product_variants_updated_idx" ON "sandbox_shopify_product_variants" USING btree ("shop_id","updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_shopify_products_handle_idx" ON "sandbox_shopify_products" USING btree ("shop_id","handle");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_products_shop_id_idx" ON "sandbox_shopify_products" USING btree ("shop_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_products_updated_idx" ON "sandbox_shopify_products" USING btree ("shop_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_products_created_idx" ON "sandbox_shopify_products" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sandbox_shopify_products_title_idx" ON "sandbox_shopify_products" USING btree ("shop_id","title","id");