import { withStore } from "@/lib/http/handler";
import { listSyncItems } from "@/lib/sync/list-sync-items";
import { ZSyncItemsQuery } from "@/lib/sync/schemas";

// GET /api/stores/:storeId/sync/items?type=&tab=&q=&after=&page=&limit= — a keyset page of the store's items with their sync status
export const GET = withStore(
  async ({ store, organizationId, query }) => listSyncItems({ storeId: store.id, organizationId, ...query }),
  { query: ZSyncItemsQuery },
);
