// Writes mapping rows (insert or update per store, type and Shopify id) and queues their Shopify
// mirror in the same transaction, so a mapping that commits always reaches Shopify eventually.
// A row whose values did not change is left alone (no new version, nothing to mirror again),
// unless Shopify refused its last mirror, in which case writing it again retries the mirror.
import { sql } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import type { NewSyncMapping } from "@/db/schema/mappings";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import { lockStoreSync } from "@/db/store-lock";
import { AppError } from "@/lib/errors/app-error";
import { enqueue } from "@/lib/jobs/enqueue";
import { parseShopifyId } from "@/lib/shopify/gid";
import { findStore } from "@/lib/stores/find-store";
import type { MappingStatus, ResourceType } from "@/lib/vocabulary/sync";

export type MappingInput = {
  resourceType: ResourceType;
  /** Numeric id or gid. */
  shopifyId: number | string;
  odooId?: number | null;
  /** Orders only. */
  odooInvoiceId?: number | null;
  status: MappingStatus;
  syncedAt?: Date | string | null;
  error?: string | null;
};

export type UpsertMappingsOptions = {
  storeId: string;
  organizationId: string;
  mappings: MappingInput[];
  /** The values are already in Shopify (e.g. read from its metafields): nothing to mirror. */
  alreadyInShopify?: boolean;
  /** false: the caller mirrors itself (mirrorMappings); rows are still marked pending. */
  enqueueMirror?: boolean;
  db?: Db;
};

const ROWS_PER_STATEMENT = 1000;
const MAX_ERROR_LENGTH = 2000;

/** Returns how many rows were inserted or changed. */
export async function upsertMappings({
  storeId,
  organizationId,
  mappings,
  alreadyInShopify = false,
  enqueueMirror = true,
  db = defaultDb,
}: UpsertMappingsOptions): Promise<{ written: number }> {
  if (mappings.length === 0) return { written: 0 };
  // One statement may not touch a row twice: the last write for an item wins, as it would one by one.
  const byKey = new Map(
    mappings
      .map((mapping, index) => toRow(storeId, mapping, index))
      .map((row) => [`${row.resourceType}:${row.shopifyId}`, row]),
  );
  const rows = [...byKey.values()];
  return db.transaction(async (tx) => {
    await limitStatements(tx, STATEMENT_LIMITS.batch);
    await findStore({ storeId, organizationId, db: tx });
    await lockStoreSync(tx, storeId);
    let written = 0;
    const mirror = alreadyInShopify ? sql`'done', null::text, now()` : sql`'pending', null::text, null::timestamptz`;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      // The rows travel as one jsonb parameter: a statement of a thousand rows is built in
      // microseconds, where one bound parameter per value cost a quarter of a second of CPU.
      const values = JSON.stringify(
        rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => ({
          resource_type: row.resourceType,
          shopify_id: row.shopifyId,
          odoo_id: row.odooId,
          odoo_invoice_id: row.odooInvoiceId,
          status: row.status,
          synced_at: row.syncedAt instanceof Date ? row.syncedAt.toISOString() : null,
          last_error: row.lastError,
        })),
      );
      const changed = await tx.execute(sql`
        insert into sync_mappings as m (store_id, resource_type, shopify_id, odoo_id, odoo_invoice_id, status, synced_at, last_error, mirror_state, mirror_error, mirrored_at)
        select ${storeId}, v.resource_type, v.shopify_id, v.odoo_id, v.odoo_invoice_id, v.status, v.synced_at, v.last_error, ${mirror}
        from jsonb_to_recordset(${values}::jsonb) as v(resource_type text, shopify_id bigint, odoo_id bigint, odoo_invoice_id bigint, status text, synced_at timestamptz, last_error text)
        on conflict (store_id, resource_type, shopify_id) do update set
          odoo_id = excluded.odoo_id, odoo_invoice_id = excluded.odoo_invoice_id, status = excluded.status,
          synced_at = excluded.synced_at, last_error = excluded.last_error, version = m.version + 1,
          mirror_state = excluded.mirror_state, mirror_error = excluded.mirror_error, mirrored_at = excluded.mirrored_at,
          updated_at = now()
        where (m.odoo_id, m.odoo_invoice_id, m.status, m.synced_at, m.last_error)
            is distinct from (excluded.odoo_id, excluded.odoo_invoice_id, excluded.status, excluded.synced_at, excluded.last_error)
          or m.mirror_state = 'failed'`);
      written += changed.rowCount ?? 0;
    }
    if (written > 0 && !alreadyInShopify && enqueueMirror)
      await enqueue("mappings.mirror", { storeId, organizationId }, { tx, singletonKey: storeId });
    return { written };
  });
}

function toRow(storeId: string, mapping: MappingInput, index: number): NewSyncMapping {
  const field = (name: string) => `mappings.${index}.${name}`;
  const shopifyId = parseShopifyId(mapping.resourceType, mapping.shopifyId);
  if (shopifyId === null)
    throw new AppError("unprocessable", `${field("shopifyId")}: not a ${mapping.resourceType} id`, {
      field: field("shopifyId"),
    });
  if (mapping.odooInvoiceId != null && mapping.resourceType !== "order") {
    throw new AppError("unprocessable", `${field("odooInvoiceId")}: only orders have an Odoo invoice`, {
      field: field("odooInvoiceId"),
    });
  }
  const syncedAt = mapping.syncedAt == null ? null : new Date(mapping.syncedAt);
  if (syncedAt && Number.isNaN(syncedAt.getTime()))
    throw new AppError("unprocessable", `${field("syncedAt")}: not a date`, { field: field("syncedAt") });
  return {
    storeId,
    resourceType: mapping.resourceType,
    shopifyId,
    odooId: mapping.odooId ?? null,
    odooInvoiceId: mapping.odooInvoiceId ?? null,
    status: mapping.status,
    syncedAt,
    lastError: mapping.status === "failed" ? (mapping.error ?? "Sync failed").slice(0, MAX_ERROR_LENGTH) : null,
  };
}
