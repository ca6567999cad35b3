-- The index import fills sync_status and search_text itself, set-based, in the statement that
-- writes its batch (decision 66): it says so with the transaction-local setting
-- synco.index_row_values = 'given', having taken the store's sync lock first, and the per-row
-- trigger then leaves those rows as they are. Every other writer is unchanged. The per-row lock
-- and lookup were half of an import batch's time.
CREATE OR REPLACE FUNCTION shopify_index_items_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('synco.index_row_values', true) = 'given' THEN
    RETURN NEW;
  END IF;
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
