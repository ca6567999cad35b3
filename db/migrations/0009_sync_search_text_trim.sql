-- Re-creates the index rows' BEFORE trigger function exactly as 0008 now defines it (no trailing
-- space in search_text for items without SKUs): databases migrated while 0008 was a draft in a
-- shared working tree got an earlier text of it, and drizzle does not re-apply a migration.
CREATE OR REPLACE FUNCTION shopify_index_items_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := lower(concat_ws(' ', NEW.title, NEW.email, NEW.order_name, nullif(array_to_string(NEW.skus, ' '), '')));
  IF TG_OP = 'INSERT' THEN
    PERFORM synco_lock_store_sync(NEW.store_id);
    NEW.sync_status := (
      SELECT m.status FROM sync_mappings m
      WHERE m.store_id = NEW.store_id AND m.resource_type = NEW.resource_type AND m.shopify_id = NEW.shopify_id
    );
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
UPDATE shopify_index_items SET search_text = rtrim(search_text) WHERE search_text LIKE '% ';
