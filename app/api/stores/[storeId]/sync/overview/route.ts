import { withStore } from "@/lib/http/handler";
import { getSyncOverview } from "@/lib/sync/get-sync-overview";

// GET /api/stores/:storeId/sync/overview — per type total / synced / failed / not synced / last synced, and the index's refresh state
export const GET = withStore(async ({ store, organizationId }) =>
  getSyncOverview({ storeId: store.id, organizationId }),
);
