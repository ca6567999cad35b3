import { withStore } from "@/lib/http/handler";
import { replaceStoreToken } from "@/lib/stores/replace-store-token";
import { ZReplaceStoreTokenRequest } from "@/lib/stores/schemas";

// PUT /api/stores/:storeId/token — replace the custom app access token of a store connected by token (checked live first)
export const PUT = withStore(
  async ({ store, organizationId, actor, body }) =>
    replaceStoreToken({ storeId: store.id, organizationId, actor, ...body }),
  { can: "store.manage", body: ZReplaceStoreTokenRequest },
);
