import { withStore } from "@/lib/http/handler";
import { validate } from "@/lib/http/parse-input";
import { getSyncItem } from "@/lib/sync/get-sync-item";
import { ZSyncItemParams } from "@/lib/sync/schemas";

// GET /api/stores/:storeId/sync/items/:type/:shopifyId — one item with its mapping details
export const GET = withStore(async ({ store, organizationId, params }) =>
  getSyncItem({ storeId: store.id, organizationId, ...validate(ZSyncItemParams, params) }),
);
