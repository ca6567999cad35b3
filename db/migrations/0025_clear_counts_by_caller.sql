-- Clear Synco Data's database batches (decision 101): under synco.index_status_reset_by_caller = 'on'
-- the caller, holding the store's sync lock, deletes a key range of mappings, resets that range of
-- index rows by status and adjusts sync_status_counts by the rows each statement reported. The
-- mapping delete trigger and the index rows' update count trigger then do nothing: their aggregates
-- over the statement's transition tables were an eighth of a batch. Every other writer is unchanged.
-- The clear deletes two adjacent key ranges at once, each in its own transaction: both take the
-- store's sync lock in shared mode, which still excludes every other writer (they take it exclusive).
CREATE FUNCTION synco_lock_store_sync_shared(p_store_id text) RETURNS void LANGUAGE sql VOLATILE AS $$
  SELECT pg_advisory_xact_lock_shared(hashtextextended('synco:sync-status:' || p_store_id, 0))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sync_mappings_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A clear deletes every mapping of a key range, resets that range of index rows by key and
    -- adjusts the counts itself, under the store's sync lock (0017, 0025).
    IF current_setting('synco.index_status_reset_by_caller', true) = 'on' THEN
      RETURN NULL;
    END IF;
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
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shopify_index_items_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The clear's status reset: the caller adjusts the counts by what it reset (0025).
  IF TG_OP = 'UPDATE' AND current_setting('synco.index_status_reset_by_caller', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
