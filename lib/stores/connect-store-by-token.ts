// Connects a store with the Admin API access token of a custom app (Dev Dashboard or a legacy
// admin-created app). The token, its shop and its granted scopes are checked live before anything
// is saved; a token without every scope the product needs is refused.
import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { checkStoreToken } from "./check-store-token";
import { saveConnectedStore } from "./save-connected-store";
import type { TConnectByTokenRequest, TConnectedStoreResponse } from "./schemas";
import { storeView } from "./store-view";
import { subscribeStoreWebhooks } from "./subscribe-store-webhooks";

export async function connectStoreByToken({
  organizationId,
  actor,
  shop,
  accessToken,
  apiSecret,
  name,
}: TConnectByTokenRequest & { organizationId: string; actor: Actor }): Promise<TConnectedStoreResponse> {
  const checked = await checkStoreToken({ shop, accessToken });
  const { store } = await saveConnectedStore({
    organizationId,
    actor,
    kind: "shopify",
    method: "token",
    shopDomain: shop,
    name: name ?? checked.name,
    // Its webhooks are signed with its own secret, when given (else SHOPIFY_API_SECRET is tried).
    credentials: { accessToken, scopes: checked.scopes, apiSecret: apiSecret ?? null },
  });
  const webhooks = await subscribeStoreWebhooks({ store, accessToken });
  return { store: await storeView(store), webhooks };
}
