ALTER TABLE "sandbox_shopify_customers" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_product_variants" ADD COLUMN "barcode" text;