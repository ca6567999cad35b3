import { withOrg } from "@/lib/http/handler";
import { startOauth } from "@/lib/stores/oauth/start-oauth";
import { ZStartOauthRequest } from "@/lib/stores/schemas";

// POST /api/shopify/oauth/start — begin connecting a Shopify store to the active organization; answers the consent URL
export const POST = withOrg(
  async ({ organizationId, user, sessionId, body }) =>
    startOauth({ userId: user.id, sessionId, organizationId, shop: body.shop }),
  { can: "stores.add", body: ZStartOauthRequest },
);
