-- Merged from the sandbox round two (group_objects, plan check), security (webhook dedupe,
-- invitation token hashes) and big stores (a partial synced_at index: decision 57).
DROP INDEX "sync_mappings_synced_at_idx";--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "token_hash" text;--> statement-breakpoint
ALTER TABLE "sandbox_shopify_bulk_operations" ADD COLUMN "group_objects" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "shopify_webhook_events" ADD COLUMN "body_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_idx" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
-- Deliveries already recorded twice under one event id keep it on the first only, so the index can be built.
UPDATE "shopify_webhook_events" e SET "event_id" = NULL WHERE EXISTS (SELECT 1 FROM "shopify_webhook_events" o WHERE o."shop_domain" = e."shop_domain" AND o."topic" = e."topic" AND o."event_id" = e."event_id" AND o."webhook_id" < e."webhook_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_webhook_events_event_uq" ON "shopify_webhook_events" USING btree ("shop_domain","topic","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_webhook_events_body_uq" ON "shopify_webhook_events" USING btree ("shop_domain","body_hash");--> statement-breakpoint
CREATE INDEX "sync_mappings_synced_at_idx" ON "sync_mappings" USING btree ("store_id","resource_type","synced_at") WHERE status = 'synced';--> statement-breakpoint
ALTER TABLE "sandbox_shopify_shops" ADD CONSTRAINT "sandbox_shopify_shops_plan_check" CHECK ("sandbox_shopify_shops"."plan" in ('standard', 'advanced', 'plus', 'enterprise'));