// Tenancy in the `where`: a store is only ever read or written together with the organization id
// the caller verified (docs/decisions.md 2). The one place that clause is written.
import { and, eq, type SQL } from "drizzle-orm";
import { operationRuns } from "./schema/operations";
import { stores } from "./schema/stores";

export type StoreScope = { storeId: string; organizationId: string };

/** The store with this id, if it belongs to this organization. */
export function storeScope({ storeId, organizationId }: StoreScope): SQL {
  return and(eq(stores.id, storeId), eq(stores.organizationId, organizationId))!;
}

/** The store's operation runs, if the store belongs to this organization. */
export function storeRunsScope({ storeId, organizationId }: StoreScope): SQL {
  return and(eq(operationRuns.storeId, storeId), eq(operationRuns.organizationId, organizationId))!;
}
