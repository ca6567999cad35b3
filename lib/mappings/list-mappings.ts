// Mapping rows of a store in primary-key order (type, Shopify id), a page at a time: what an
// export streams and what a clear walks. Keyset pagination, so a page costs the same at any depth.
import { and, asc, eq, gt, inArray, or, type SQL } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { syncMappings, type SyncMapping } from "@/db/schema/mappings";
import { findStore } from "@/lib/stores/find-store";
import type { ResourceType } from "@/lib/vocabulary/sync";

export type MappingsPosition = { resourceType: ResourceType; shopifyId: number };

type Options = {
  storeId: string;
  organizationId: string;
  types?: ResourceType[];
  after?: MappingsPosition | null;
  limit?: number;
  db?: Db;
};

export async function listMappings({
  storeId,
  organizationId,
  types,
  after = null,
  limit = 1000,
  db = defaultDb,
}: Options): Promise<{ mappings: SyncMapping[]; next: MappingsPosition | null }> {
  await findStore({ storeId, organizationId, db });
  const conditions: (SQL | undefined)[] = [eq(syncMappings.storeId, storeId)];
  if (types) conditions.push(inArray(syncMappings.resourceType, types));
  if (after) {
    conditions.push(
      or(
        gt(syncMappings.resourceType, after.resourceType),
        and(eq(syncMappings.resourceType, after.resourceType), gt(syncMappings.shopifyId, after.shopifyId)),
      ),
    );
  }
  const mappings = await db
    .select()
    .from(syncMappings)
    .where(and(...conditions))
    .orderBy(asc(syncMappings.resourceType), asc(syncMappings.shopifyId))
    .limit(limit);
  const last = mappings.at(-1);
  return {
    mappings,
    next: mappings.length === limit && last ? { resourceType: last.resourceType, shopifyId: last.shopifyId } : null,
  };
}
