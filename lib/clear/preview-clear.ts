// What a clear of a store would delete, for the confirmation modal: per type the mapped items and
// the `sync` metafields Synco wrote for them, the keys cleared (every namespace used, the legacy
// keys), the orders the token cannot reach, the strategy and an estimate. Reads counters and
// indexes only, so it answers at once at any size.
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import type { Store } from "@/db/schema/stores";
import { storeRunsScope } from "@/db/store-scope";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import { CLEAR_REAUTH_MINUTES } from "@/lib/vocabulary/clear";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { chooseStrategy, clearedKeys, estimateSeconds } from "./clear-plan";
import type { TClearPreview, TClearPreviewResponse } from "./schemas";
import { findUnreachableOrders } from "./unreachable-orders";

export type MappedCounts = Record<ResourceType, { mappings: number; mirrored: number; items: number }>;

/** Mapping rows per type (from the counters), how many reached Shopify, and the indexed items. */
export async function mappedCounts(storeId: string, scope: ResourceType[]): Promise<MappedCounts> {
  const { rows } = await db.execute<{
    resource_type: ResourceType;
    mappings: number;
    items: number;
    mirrored: number;
  }>(sql`
    select t.resource_type,
      coalesce(c.mappings_synced + c.mappings_failed, 0)::bigint as mappings,
      coalesce(c.items, 0)::bigint as items,
      -- Rows not yet in Shopify are few (a partial index holds them); the rest were written.
      (coalesce(c.mappings_synced + c.mappings_failed, 0) - (select count(*) from sync_mappings m
        where m.store_id = ${storeId} and m.resource_type = t.resource_type and m.mirror_state <> 'done'))::bigint as mirrored
    from unnest(${`{${scope.join(",")}}`}::text[]) as t(resource_type)
    left join sync_status_counts c on c.store_id = ${storeId} and c.resource_type = t.resource_type`);
  return Object.fromEntries(
    rows.map((row) => [
      row.resource_type,
      { mappings: Number(row.mappings), mirrored: Number(row.mirrored), items: Number(row.items) },
    ]),
  ) as MappedCounts;
}

export async function activeExclusiveRun(store: Pick<Store, "id" | "organizationId">): Promise<string | null> {
  const [active] = await db
    .select({ id: operationRuns.id })
    .from(operationRuns)
    .where(
      and(
        storeRunsScope({ storeId: store.id, organizationId: store.organizationId }),
        eq(operationRuns.exclusive, true),
        inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
      ),
    )
    .limit(1);
  return active?.id ?? null;
}

export const sessionIsStale = (signedInAt: Date, now = Date.now()) =>
  now - signedInAt.getTime() > CLEAR_REAUTH_MINUTES * 60_000;

export async function previewClear({
  store,
  scope,
  signedInAt,
  canStart,
}: {
  store: Store;
  scope: ResourceType[];
  signedInAt: Date;
  canStart: boolean;
}): Promise<TClearPreviewResponse> {
  const counts = await mappedCounts(store.id, scope);
  const keys = clearedKeys(store);
  const known = scope.reduce((sum, type) => sum + counts[type].mappings, 0);
  const strategy = chooseStrategy(store, known);
  const preview: TClearPreview = {
    storeId: store.id,
    shopDomain: store.shopDomain,
    scope,
    types: scope.map((type) => ({
      type,
      mappedItems: counts[type].mappings,
      knownMetafields: counts[type].mirrored,
      keys,
    })),
    namespaces: { current: store.metafieldNamespace, previous: store.previousNamespaces },
    legacyKeys: store.clearLegacyKeys,
    unreachableOrders: scope.includes("order") ? await findUnreachableOrders(store) : null,
    strategy,
    strategySetting: store.clearStrategy,
    estimatedSeconds: estimateSeconds({
      strategy,
      knownMetafields: known,
      items: scope.reduce((sum, type) => sum + counts[type].items, 0),
      mappings: known,
    }),
    passwordRequired: sessionIsStale(signedInAt),
    canStart,
    activeRunId: await activeExclusiveRun(store),
    odooUntouched: true,
  };
  return { preview };
}
