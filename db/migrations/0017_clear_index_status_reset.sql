-- Clear Synco Data deletes a type's mapping rows in key ranges (decision 61). For such a delete the
-- row-by-row reset of the index rows' copied status, joined to the transition table, is replaced
-- by the caller's own reset of the same key range (one index range scan), announced with the
-- transaction-local setting synco.index_status_reset_by_caller = 'on'. Every other writer is as before.
CREATE OR REPLACE FUNCTION sync_mappings_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM synco_lock_store_sync(s.store_id) FROM (SELECT DISTINCT store_id FROM old_rows ORDER BY store_id) AS s;
    -- A clear deletes every mapping of a key range and resets that range of index rows itself, by key.
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
