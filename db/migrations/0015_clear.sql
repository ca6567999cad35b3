ALTER TABLE "sandbox_shopify_shops" ADD COLUMN "metafields_delete_limit" integer DEFAULT 250 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "previous_namespaces" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "clear_legacy_keys" text[] DEFAULT '{custom.odoo_id,custom.invoice_id}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "clear_strategy" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "shopify_index_items" ADD COLUMN "shopify_created_at" timestamp (3) with time zone;