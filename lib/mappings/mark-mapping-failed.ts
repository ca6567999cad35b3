// Records a failed sync of one item. An item synced before keeps its Odoo ids (it is still linked
// in Odoo; the last change did not get there) and shows as failed with the error until the next
// successful sync.
import { and, eq } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { syncMappings } from "@/db/schema/mappings";
import { lockStoreSync } from "@/db/store-lock";
import { AppError } from "@/lib/errors/app-error";
import { parseShopifyId } from "@/lib/shopify/gid";
import { findStore } from "@/lib/stores/find-store";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { upsertMappings } from "./upsert-mappings";

type Options = {
  storeId: string;
  organizationId: string;
  resourceType: ResourceType;
  shopifyId: number | string;
  error: string;
  at?: Date;
  db?: Db;
};

export async function markMappingFailed({
  storeId,
  organizationId,
  resourceType,
  shopifyId,
  error,
  at = new Date(),
  db = defaultDb,
}: Options) {
  const id = parseShopifyId(resourceType, shopifyId);
  if (id === null) throw new AppError("unprocessable", `shopifyId: not a ${resourceType} id`, { field: "shopifyId" });
  return db.transaction(async (tx) => {
    await findStore({ storeId, organizationId, db: tx });
    await lockStoreSync(tx, storeId);
    // Read under the row's lock so a concurrent successful sync is not overwritten with stale ids.
    const [current] = await tx
      .select({ odooId: syncMappings.odooId, odooInvoiceId: syncMappings.odooInvoiceId })
      .from(syncMappings)
      .where(
        and(
          eq(syncMappings.storeId, storeId),
          eq(syncMappings.resourceType, resourceType),
          eq(syncMappings.shopifyId, id),
        ),
      )
      .for("update");
    return upsertMappings({
      storeId,
      organizationId,
      db: tx,
      mappings: [
        {
          resourceType,
          shopifyId: id,
          odooId: current?.odooId ?? null,
          odooInvoiceId: current?.odooInvoiceId ?? null,
          status: "failed",
          syncedAt: at,
          error,
        },
      ],
    });
  });
}
