import { and, eq } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import { stores, type Store } from "@/db/schema/stores";
import { notFound } from "@/lib/http/app-error";
import type { SyncDb } from "./sync-db";

/** The store, only within its organization (tenancy in the where); 404 otherwise. */
export async function findStore({
  storeId,
  organizationId,
  db = defaultDb,
}: {
  storeId: string;
  organizationId: string;
  db?: SyncDb;
}): Promise<Store> {
  const [store] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.id, storeId), eq(stores.organizationId, organizationId)));
  if (!store) throw notFound("Store");
  return store;
}
