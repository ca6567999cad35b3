// Mapping rows per type and status, from the counters the triggers keep (no scan, any size).
// These include items no longer in Shopify: what a clear deletes or an export contains.
import { eq } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { syncStatusCounts } from "@/db/schema/mappings";
import { findStore } from "@/lib/stores/find-store";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";

export type MappingCounts = Record<ResourceType, { synced: number; failed: number; total: number }>;

export async function countMappings({
  storeId,
  organizationId,
  db = defaultDb,
}: {
  storeId: string;
  organizationId: string;
  db?: Db;
}): Promise<MappingCounts> {
  await findStore({ storeId, organizationId, db });
  const rows = await db.select().from(syncStatusCounts).where(eq(syncStatusCounts.storeId, storeId));
  const counts = Object.fromEntries(
    RESOURCE_TYPES.map((type) => [type, { synced: 0, failed: 0, total: 0 }]),
  ) as MappingCounts;
  for (const row of rows)
    counts[row.resourceType] = {
      synced: row.mappingsSynced,
      failed: row.mappingsFailed,
      total: row.mappingsSynced + row.mappingsFailed,
    };
  return counts;
}
