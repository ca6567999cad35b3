-- The text `q` searches moves out of shopify_index_items into a table of its own (decision 81).
-- A status change (a sync, the mapping triggers, a clear's reset by key range) is a non-HOT update
-- of the item's row — sync_status is in the tabs' index — so every index of the row got a new entry,
-- the trigram GIN index included: at 200k rows a clear's reset of 10,000 rows took 0.59 s with it,
-- 0.15 s without (decision 61). Here the text is written only when an item's text changes:
--   * an insert of items inserts their search rows, once per statement, from its transition table;
--   * an update that changes a title, email, order name or SKUs rewrites that item's search row
--     (a row trigger whose WHEN skips every other update, status changes among them, in C);
--   * a delete of items (an import's clean-up, a webhook, a redaction, a store's cascade) deletes
--     their search rows, once per statement.
-- No foreign key: its check would cost every import row a lookup, and the delete trigger keeps the
-- two tables in step. Existing rows are moved with their text as it is.
CREATE FUNCTION shopify_index_search_text(p_title text, p_email text, p_order_name text, p_skus text[]) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT lower(concat_ws(' ', p_title, p_email, p_order_name, nullif(array_to_string(p_skus, ' '), '')))
$$;
--> statement-breakpoint
CREATE TABLE "shopify_index_search" (
	"store_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"shopify_id" bigint NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "shopify_index_search_pkey" PRIMARY KEY("store_id","resource_type","shopify_id")
);
--> statement-breakpoint
INSERT INTO "shopify_index_search" ("store_id", "resource_type", "shopify_id", "search_text")
  SELECT "store_id", "resource_type", "shopify_id", "search_text" FROM "shopify_index_items";
--> statement-breakpoint
CREATE INDEX "shopify_index_search_text_idx" ON "shopify_index_search" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
-- The items' own BEFORE trigger now only copies the mapping's status into a new row (as 0019: the
-- index import gives it itself, set-based); it no longer fires on updates, and its WHEN skips the
-- import's rows without a call into PL/pgSQL per row.
CREATE OR REPLACE FUNCTION shopify_index_items_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('synco.index_row_values', true) = 'given' THEN
    RETURN NEW;
  END IF;
  PERFORM synco_lock_store_sync(NEW.store_id);
  NEW.sync_status := (
    SELECT m.status FROM sync_mappings m
    WHERE m.store_id = NEW.store_id AND m.resource_type = NEW.resource_type AND m.shopify_id = NEW.shopify_id
  );
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER "shopify_index_items_before_write" ON "shopify_index_items";
--> statement-breakpoint
CREATE TRIGGER "shopify_index_items_before_write" BEFORE INSERT ON "shopify_index_items"
  FOR EACH ROW WHEN (current_setting('synco.index_row_values', true) IS DISTINCT FROM 'given')
  EXECUTE FUNCTION shopify_index_items_before_write();
--> statement-breakpoint
DROP INDEX "shopify_index_items_search_idx";
--> statement-breakpoint
ALTER TABLE "shopify_index_items" DROP COLUMN "search_text";
--> statement-breakpoint
CREATE FUNCTION shopify_index_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO shopify_index_search AS s (store_id, resource_type, shopify_id, search_text)
    SELECT n.store_id, n.resource_type, n.shopify_id, shopify_index_search_text(n.title, n.email, n.order_name, n.skus)
    FROM new_rows n
    ON CONFLICT (store_id, resource_type, shopify_id) DO UPDATE SET search_text = excluded.search_text
      WHERE s.search_text IS DISTINCT FROM excluded.search_text;
  ELSE
    DELETE FROM shopify_index_search s USING old_rows o
    WHERE s.store_id = o.store_id AND s.resource_type = o.resource_type AND s.shopify_id = o.shopify_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "shopify_index_search_insert" AFTER INSERT ON "shopify_index_items" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shopify_index_search_write();
--> statement-breakpoint
CREATE TRIGGER "shopify_index_search_delete" AFTER DELETE ON "shopify_index_items" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shopify_index_search_write();
--> statement-breakpoint
CREATE FUNCTION shopify_index_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO shopify_index_search AS s (store_id, resource_type, shopify_id, search_text)
  VALUES (NEW.store_id, NEW.resource_type, NEW.shopify_id, shopify_index_search_text(NEW.title, NEW.email, NEW.order_name, NEW.skus))
  ON CONFLICT (store_id, resource_type, shopify_id) DO UPDATE SET search_text = excluded.search_text
    WHERE s.search_text IS DISTINCT FROM excluded.search_text;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "shopify_index_search_update" AFTER UPDATE OF title, email, order_name, skus ON "shopify_index_items"
  FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.email IS DISTINCT FROM NEW.email
    OR OLD.order_name IS DISTINCT FROM NEW.order_name OR OLD.skus IS DISTINCT FROM NEW.skus)
  EXECUTE FUNCTION shopify_index_search_update();
