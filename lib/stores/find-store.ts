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
