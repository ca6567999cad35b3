// Writes mapping rows (insert or update per store, type and Shopify id) and queues their Shopify
// mirror in the same transaction, so a mapping that commits always reaches Shopify eventually.
// A row whose values did not change is left alone (no new version, nothing to mirror again),
// unless Shopify refused its last mirror, in which case writing it again retries the mirror.
import { sql } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { syncMappings, type NewSyncMapping } from "@/db/schema/mappings";
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
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const changed = await tx
        .insert(syncMappings)
        .values(
          rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => ({ ...row, ...mirrorColumns(alreadyInShopify) })),
        )
        .onConflictDoUpdate({
          target: [syncMappings.storeId, syncMappings.resourceType, syncMappings.shopifyId],
          set: {
            odooId: sql`excluded.odoo_id`,
            odooInvoiceId: sql`excluded.odoo_invoice_id`,
            status: sql`excluded.status`,
            syncedAt: sql`excluded.synced_at`,
            lastError: sql`excluded.last_error`,
            version: sql`${syncMappings.version} + 1`,
            ...mirrorColumns(alreadyInShopify),
            updatedAt: sql`now()`,
          },
          setWhere: sql`(${syncMappings.odooId}, ${syncMappings.odooInvoiceId}, ${syncMappings.status}, ${syncMappings.syncedAt}, ${syncMappings.lastError})
            is distinct from (excluded.odoo_id, excluded.odoo_invoice_id, excluded.status, excluded.synced_at, excluded.last_error)
            or ${syncMappings.mirrorState} = 'failed'`,
        })
        .returning({ shopifyId: syncMappings.shopifyId });
      written += changed.length;
    }
    if (written > 0 && !alreadyInShopify && enqueueMirror)
      await enqueue("mappings.mirror", { storeId, organizationId }, { tx, singletonKey: storeId });
    return { written };
  });
}

function mirrorColumns(alreadyInShopify: boolean) {
  return alreadyInShopify
    ? { mirrorState: "done" as const, mirrorError: null, mirroredAt: sql`now()` }
    : { mirrorState: "pending" as const, mirrorError: null, mirroredAt: null };
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
