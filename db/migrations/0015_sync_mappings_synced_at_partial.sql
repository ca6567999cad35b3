-- Only synced rows: with no statistics (a fresh database, a store just loaded) a lookup of a mapping by
-- its key could pick this index over the primary key and filter a store's rows one by one (decision 57).
DROP INDEX "sync_mappings_synced_at_idx";--> statement-breakpoint
CREATE INDEX "sync_mappings_synced_at_idx" ON "sync_mappings" USING btree ("store_id","resource_type","synced_at") WHERE status = 'synced';
