import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stores } from "@/db/schema/stores";
import { checkGrantedScopes } from "./check-granted-scopes";
import type { TStoreView } from "./schemas";
import { storeViews } from "./store-view";

/** Every store of the organization, disconnected ones included (their history stays visible). */
export async function listStores({ organizationId }: { organizationId: string }): Promise<TStoreView[]> {
  const rows = await db
    .select()
    .from(stores)
    .where(eq(stores.organizationId, organizationId))
    .orderBy(desc(stores.createdAt));
  return storeViews(await checkGrantedScopes(rows));
}
