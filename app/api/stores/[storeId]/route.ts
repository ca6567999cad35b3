import { withStore } from "@/lib/http/handler";
import { getStoreView } from "@/lib/stores/get-store-view";
import { ZUpdateStoreRequest } from "@/lib/stores/schemas";
import { updateStoreSettings } from "@/lib/stores/update-store-settings";

// GET /api/stores/:storeId — one store of an organization the caller belongs to
export const GET = withStore(async ({ store }) => getStoreView({ store }));

// PATCH /api/stores/:storeId — rename the store or change its metafield namespace
export const PATCH = withStore(
  async ({ store, organizationId, actor, body }) =>
    updateStoreSettings({ storeId: store.id, organizationId, actor, changes: body }),
  { can: "store.manage", body: ZUpdateStoreRequest },
);
