import { withStore } from "@/lib/http/handler";
import { countSyncItems } from "@/lib/sync/count-sync-items";
import { ZSyncItemsCountQuery } from "@/lib/sync/schemas";

// GET /api/stores/:storeId/sync/items/count?type=&tab=&q=&mirror= — how many items a list holds, counted up to 10,000
export const GET = withStore(
  async ({ store, organizationId, query }) => countSyncItems({ storeId: store.id, organizationId, ...query }),
  { query: ZSyncItemsCountQuery },
);
