import { clearSettingsOf, updateClearSettings } from "@/lib/clear/clear-settings";
import { ZUpdateClearSettingsRequest } from "@/lib/clear/schemas";
import { withStore } from "@/lib/http/handler";

// GET /api/stores/:storeId/clear/settings — namespaces used, legacy keys and strategy of the store's clears
export const GET = withStore(async ({ store }) => ({ settings: clearSettingsOf(store) }));

// PATCH /api/stores/:storeId/clear/settings — change the legacy keys or the strategy (owners and admins; audited)
export const PATCH = withStore(
  async ({ store, organizationId, actor, body }) =>
    updateClearSettings({ storeId: store.id, organizationId, actor, changes: body }),
  { can: "clear.start", body: ZUpdateClearSettingsRequest },
);
