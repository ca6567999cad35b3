import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { stores, type Store } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { notFound } from "@/lib/errors/app-error";

/** The store, only within its organization (tenancy in the where); 404 otherwise. */
export async function findStore({
  storeId,
  organizationId,
  db = defaultDb,
}: {
  storeId: string;
  organizationId: string;
  db?: Db;
}): Promise<Store> {
  const [store] = await db.select().from(stores).where(storeScope({ storeId, organizationId }));
  if (!store) throw notFound("Store");
  return store;
}

/**
 * The store, locked for the rest of the transaction `tx` (FOR UPDATE), only within its
 * organization; 404 otherwise. Every change to a store row reads it through this first, so two
 * changes of one store happen one after the other and each sees the other's result.
 */
export async function lockStore(tx: Db, { storeId, organizationId }: { storeId: string; organizationId: string }) {
  const [store] = await tx.select().from(stores).where(storeScope({ storeId, organizationId })).for("update");
  if (!store) throw notFound("Store");
  return store;
}
