import { withStore } from "@/lib/http/handler";
import { ZAutoSyncRequest } from "@/lib/stores/schemas";
import { setAutoSync } from "@/lib/stores/set-auto-sync";

// PUT /api/stores/:storeId/auto-sync — automatic sync to Odoo from Shopify's webhooks on or off (audited)
export const PUT = withStore(
  async ({ store, organizationId, actor, body }) =>
    setAutoSync({ storeId: store.id, organizationId, actor, enabled: body.enabled }),
  { can: "sync.odoo", body: ZAutoSyncRequest },
);
