-- Added without NOT NULL, filled from what is known, then made NOT NULL: existing rows need a value.
ALTER TABLE "stores" ADD COLUMN "connection_method" text;--> statement-breakpoint
-- Sandbox stores by their kind; live stores by the method of their latest `store.connected` audit
-- row (every connect path has recorded `details.method`), OAuth when none says token.
UPDATE "stores" SET "connection_method" = CASE
  WHEN "kind" = 'sandbox' THEN 'sandbox'
  WHEN (
    SELECT "details"->>'method' FROM "audit_log"
    WHERE "audit_log"."store_id" = "stores"."id" AND "audit_log"."action" = 'store.connected'
    ORDER BY "audit_log"."id" DESC LIMIT 1
  ) = 'token' THEN 'token'
  ELSE 'oauth'
END;--> statement-breakpoint
ALTER TABLE "stores" ALTER COLUMN "connection_method" SET NOT NULL;
