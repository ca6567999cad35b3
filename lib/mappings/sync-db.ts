// The handle sync services write through: the pool or a caller's transaction. Every transaction
// that writes sync_mappings or shopify_index_items takes the store's sync lock first (see the
// sync_status_triggers migration), so the lock is always taken before any row lock.
import { sql } from "drizzle-orm";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type * as schema from "@/db/schema";

export type SyncDb = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export async function lockStoreSync(tx: SyncDb, storeId: string): Promise<void> {
  await tx.execute(sql`select synco_lock_store_sync(${storeId})`);
}
