// Every transaction that writes sync_mappings or shopify_index_items takes the store's sync lock
// first (see the sync_status_triggers migration), so the lock is always taken before any row lock.
import { sql } from "drizzle-orm";
import type { Db } from "./handle";

export async function lockStoreSync(tx: Db, storeId: string): Promise<void> {
  await tx.execute(sql`select synco_lock_store_sync(${storeId})`);
}
