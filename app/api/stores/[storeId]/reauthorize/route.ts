import { AppError } from "@/lib/errors/app-error";
import { withStore } from "@/lib/http/handler";
import { startOauth } from "@/lib/stores/oauth/start-oauth";

// POST /api/stores/:storeId/reauthorize — start OAuth again for this store's shop; answers the URL to send the browser to
export const POST = withStore(
  async ({ store, organizationId, user, sessionId }) => {
    if (store.kind !== "shopify") throw new AppError("conflict", "Sandbox stores are not authorised through Shopify");
    return startOauth({ userId: user.id, sessionId, organizationId, shop: store.shopDomain, storeId: store.id });
  },
  { can: "store.manage" },
);
