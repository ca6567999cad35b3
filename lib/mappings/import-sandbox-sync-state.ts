// After a sandbox store is seeded, its sync-state metafields (what an earlier Synco install left
// in Shopify) become mapping rows — already in Shopify, so nothing is mirrored back. The first
// index refresh of a sandbox store does this before reading the items, so a fresh install shows
// synced, failed and not synced items that agree with Shopify. Running it twice writes nothing new.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { sandboxShopifyShops } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { streamSandboxSyncState } from "@/lib/sandbox/shopify/seed/stream-sandbox-sync-state";
import { findStore } from "@/lib/stores/find-store";
import { upsertMappings, type MappingInput } from "./upsert-mappings";

const BATCH = 1000;

export async function importSandboxSyncState({
  storeId,
  organizationId,
  onBatch,
}: {
  storeId: string;
  organizationId: string;
  /** Hears each batch of mapping rows written. */
  onBatch?: (rows: number) => Promise<void>;
}): Promise<{ mappings: number }> {
  const store = await findStore({ storeId, organizationId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!store || store.kind !== "sandbox") return { mappings: 0 };
  const [shop] = await db
    .select({ id: sandboxShopifyShops.id })
    .from(sandboxShopifyShops)
    .where(eq(sandboxShopifyShops.domain, store.shopDomain));
  let mappings = 0;
  if (shop) {
    let batch: MappingInput[] = [];
    const write = async () => {
      await upsertMappings({ storeId, organizationId, mappings: batch, alreadyInShopify: true });
      mappings += batch.length;
      await onBatch?.(batch.length);
      batch = [];
    };
    for await (const record of streamSandboxSyncState({ shopId: shop.id, namespace: store.metafieldNamespace })) {
      batch.push({
        resourceType: record.resourceType,
        shopifyId: record.shopifyId,
        odooId: record.odooId,
        odooInvoiceId: record.odooInvoiceId,
        status: record.status,
        syncedAt: record.syncedAt,
        error: record.error,
      });
      if (batch.length >= BATCH) await write();
    }
    if (batch.length) await write();
  }
  return { mappings };
}
