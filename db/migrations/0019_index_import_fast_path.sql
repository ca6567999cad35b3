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
--> statement-breakpoint
-- A first refresh writes each batch's mapping rows just before the batch's index rows, in the same
-- transaction, and the index write then sets those items' status from the mappings itself (insert
-- and conflict alike). It says so with synco.index_status_follows = 'on' around the mapping write,
-- so the mapping trigger skips its update of the index rows — a join that, planned on statistics
-- from before the batch, scanned every index row of the store once per batch (decision 70).
-- Otherwise as 0017 defines it (the clear's reset by key range kept).
CREATE OR REPLACE FUNCTION sync_mappings_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM synco_lock_store_sync(s.store_id) FROM (SELECT DISTINCT store_id FROM old_rows ORDER BY store_id) AS s;
    -- A clear deletes every mapping of a key range and resets that range of index rows itself, by key (0017).
    IF current_setting('synco.index_status_reset_by_caller', true) IS DISTINCT FROM 'on' THEN
      UPDATE shopify_index_items i SET sync_status = NULL FROM old_rows o
      WHERE i.store_id = o.store_id AND i.resource_type = o.resource_type AND i.shopify_id = o.shopify_id AND i.sync_status IS NOT NULL;
    END IF;
    INSERT INTO sync_status_counts AS c (store_id, resource_type, mappings_synced, mappings_failed)
    SELECT store_id, resource_type, -count(*) FILTER (WHERE status = 'synced'), -count(*) FILTER (WHERE status = 'failed')
    FROM old_rows WHERE EXISTS (SELECT 1 FROM stores s WHERE s.id = old_rows.store_id) GROUP BY store_id, resource_type
    ON CONFLICT (store_id, resource_type) DO UPDATE SET mappings_synced = c.mappings_synced + excluded.mappings_synced,
      mappings_failed = c.mappings_failed + excluded.mappings_failed, updated_at = now();
    RETURN NULL;
  END IF;
  PERFORM synco_lock_store_sync(s.store_id) FROM (SELECT DISTINCT store_id FROM new_rows ORDER BY store_id) AS s;
  IF current_setting('synco.index_status_follows', true) IS DISTINCT FROM 'on' THEN
    UPDATE shopify_index_items i SET sync_status = n.status FROM new_rows n
    WHERE i.store_id = n.store_id AND i.resource_type = n.resource_type AND i.shopify_id = n.shopify_id AND i.sync_status IS DISTINCT FROM n.status;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_status_counts AS c (store_id, resource_type, mappings_synced, mappings_failed)
    SELECT store_id, resource_type, count(*) FILTER (WHERE status = 'synced'), count(*) FILTER (WHERE status = 'failed')
    FROM new_rows GROUP BY store_id, resource_type
    ON CONFLICT (store_id, resource_type) DO UPDATE SET mappings_synced = c.mappings_synced + excluded.mappings_synced,
      mappings_failed = c.mappings_failed + excluded.mappings_failed, updated_at = now();
  ELSE
    INSERT INTO sync_status_counts AS c (store_id, resource_type, mappings_synced, mappings_failed)
    SELECT store_id, resource_type, sum(synced), sum(failed) FROM (
      SELECT store_id, resource_type, (status = 'synced')::int AS synced, (status = 'failed')::int AS failed FROM new_rows
      UNION ALL
      SELECT store_id, resource_type, -(status = 'synced')::int, -(status = 'failed')::int FROM old_rows
    ) AS delta
    GROUP BY store_id, resource_type HAVING sum(synced) <> 0 OR sum(failed) <> 0
    ON CONFLICT (store_id, resource_type) DO UPDATE SET mappings_synced = c.mappings_synced + excluded.mappings_synced,
      mappings_failed = c.mappings_failed + excluded.mappings_failed, updated_at = now();
  END IF;
  RETURN NULL;
END
$$;
