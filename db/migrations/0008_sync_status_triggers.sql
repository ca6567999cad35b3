-- Sync status kept consistent by the database, whoever writes (services, jobs, webhooks, a clear):
--   * shopify_index_items.sync_status copies the item's mapping status (null: not synced), so
--     every list tab is one index range scan;
--   * shopify_index_items.search_text is the lower-cased text `q` searches;
--   * sync_status_counts holds per store and type the indexed items by status and the mapping
--     rows by status, adjusted once per statement from its transition tables.
-- An index insert reads sync_mappings and a mapping write updates index rows, so two concurrent
-- transactions could each miss the other's row. Both take a per-store transaction-level advisory
-- lock first (synco_lock_store_sync); in READ COMMITTED the statements after it see what the other
-- committed. Writers that touch several rows of these tables in one transaction call it first too,
-- so the lock is always taken before row locks (no lock-order deadlocks).
CREATE FUNCTION synco_lock_store_sync(p_store_id text) RETURNS void LANGUAGE sql VOLATILE AS $$
  SELECT pg_advisory_xact_lock(hashtextextended('synco:sync-status:' || p_store_id, 0))
$$;
--> statement-breakpoint
CREATE FUNCTION shopify_index_items_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER shopify_index_items_before_write BEFORE INSERT OR UPDATE OF title, email, order_name, skus ON shopify_index_items
  FOR EACH ROW EXECUTE FUNCTION shopify_index_items_before_write();
--> statement-breakpoint
-- Counts of indexed items. Rows of a store being deleted (cascade) are not counted back in.
CREATE FUNCTION shopify_index_items_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_status_counts AS c (store_id, resource_type, items, items_synced, items_failed)
    SELECT store_id, resource_type, count(*), count(*) FILTER (WHERE sync_status = 'synced'), count(*) FILTER (WHERE sync_status = 'failed')
    FROM new_rows WHERE EXISTS (SELECT 1 FROM stores s WHERE s.id = new_rows.store_id) GROUP BY store_id, resource_type
    ON CONFLICT (store_id, resource_type) DO UPDATE SET items = c.items + excluded.items, items_synced = c.items_synced + excluded.items_synced,
      items_failed = c.items_failed + excluded.items_failed, updated_at = now();
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO sync_status_counts AS c (store_id, resource_type, items, items_synced, items_failed)
    SELECT store_id, resource_type, -count(*), -count(*) FILTER (WHERE sync_status = 'synced'), -count(*) FILTER (WHERE sync_status = 'failed')
    FROM old_rows WHERE EXISTS (SELECT 1 FROM stores s WHERE s.id = old_rows.store_id) GROUP BY store_id, resource_type
    ON CONFLICT (store_id, resource_type) DO UPDATE SET items = c.items + excluded.items, items_synced = c.items_synced + excluded.items_synced,
      items_failed = c.items_failed + excluded.items_failed, updated_at = now();
  ELSE
    INSERT INTO sync_status_counts AS c (store_id, resource_type, items, items_synced, items_failed)
    SELECT store_id, resource_type, 0, sum(synced), sum(failed) FROM (
      SELECT store_id, resource_type, (sync_status IS NOT DISTINCT FROM 'synced')::int AS synced, (sync_status IS NOT DISTINCT FROM 'failed')::int AS failed FROM new_rows
      UNION ALL
      SELECT store_id, resource_type, -(sync_status IS NOT DISTINCT FROM 'synced')::int, -(sync_status IS NOT DISTINCT FROM 'failed')::int FROM old_rows
    ) AS delta
    WHERE EXISTS (SELECT 1 FROM stores s WHERE s.id = delta.store_id)
    GROUP BY store_id, resource_type HAVING sum(synced) <> 0 OR sum(failed) <> 0
    ON CONFLICT (store_id, resource_type) DO UPDATE SET items_synced = c.items_synced + excluded.items_synced,
      items_failed = c.items_failed + excluded.items_failed, updated_at = now();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER shopify_index_items_count_insert AFTER INSERT ON shopify_index_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shopify_index_items_count();
--> statement-breakpoint
CREATE TRIGGER shopify_index_items_count_update AFTER UPDATE ON shopify_index_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shopify_index_items_count();
--> statement-breakpoint
CREATE TRIGGER shopify_index_items_count_delete AFTER DELETE ON shopify_index_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shopify_index_items_count();
--> statement-breakpoint
-- A mapping write copies its status onto the indexed item and adjusts the mapping counts.
CREATE FUNCTION sync_mappings_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM synco_lock_store_sync(s.store_id) FROM (SELECT DISTINCT store_id FROM old_rows ORDER BY store_id) AS s;
    UPDATE shopify_index_items i SET sync_status = NULL FROM old_rows o
    WHERE i.store_id = o.store_id AND i.resource_type = o.resource_type AND i.shopify_id = o.shopify_id AND i.sync_status IS NOT NULL;
    INSERT INTO sync_status_counts AS c (store_id, resource_type, mappings_synced, mappings_failed)
    SELECT store_id, resource_type, -count(*) FILTER (WHERE status = 'synced'), -count(*) FILTER (WHERE status = 'failed')
    FROM old_rows WHERE EXISTS (SELECT 1 FROM stores s WHERE s.id = old_rows.store_id) GROUP BY store_id, resource_type
    ON CONFLICT (store_id, resource_type) DO UPDATE SET mappings_synced = c.mappings_synced + excluded.mappings_synced,
      mappings_failed = c.mappings_failed + excluded.mappings_failed, updated_at = now();
    RETURN NULL;
  END IF;
  PERFORM synco_lock_store_sync(s.store_id) FROM (SELECT DISTINCT store_id FROM new_rows ORDER BY store_id) AS s;
  UPDATE shopify_index_items i SET sync_status = n.status FROM new_rows n
  WHERE i.store_id = n.store_id AND i.resource_type = n.resource_type AND i.shopify_id = n.shopify_id AND i.sync_status IS DISTINCT FROM n.status;
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
--> statement-breakpoint
CREATE TRIGGER sync_mappings_after_insert AFTER INSERT ON sync_mappings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_mappings_after_write();
--> statement-breakpoint
CREATE TRIGGER sync_mappings_after_update AFTER UPDATE ON sync_mappings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_mappings_after_write();
--> statement-breakpoint
CREATE TRIGGER sync_mappings_after_delete AFTER DELETE ON sync_mappings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_mappings_after_write();
