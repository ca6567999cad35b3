import { withStore } from "@/lib/http/handler";
import { requestIndexRefresh } from "@/lib/shopify-index/request-index-refresh";

// POST /api/stores/:storeId/sync/refresh — "Refresh from Shopify": queue a re-import of the store's items (202; one at a time per store)
export const POST = withStore(
  async ({ store, organizationId, actor }) =>
    Response.json(await requestIndexRefresh({ storeId: store.id, organizationId, actor }), { status: 202 }),
  { can: "sync.refresh" },
);
