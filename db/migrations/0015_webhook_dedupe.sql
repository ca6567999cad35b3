ALTER TABLE "shopify_webhook_events" ADD COLUMN "body_hash" text;--> statement-breakpoint
-- Deliveries already recorded twice under one event id keep it on the first only, so the index can be built.
UPDATE "shopify_webhook_events" e SET "event_id" = NULL WHERE EXISTS (SELECT 1 FROM "shopify_webhook_events" o WHERE o."shop_domain" = e."shop_domain" AND o."topic" = e."topic" AND o."event_id" = e."event_id" AND o."webhook_id" < e."webhook_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_webhook_events_event_uq" ON "shopify_webhook_events" USING btree ("shop_domain","topic","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_webhook_events_body_uq" ON "shopify_webhook_events" USING btree ("shop_domain","body_hash");