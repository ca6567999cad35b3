// Connects a store with the Admin API access token of a custom app (Dev Dashboard or a legacy
// admin-created app). One live query checks the token, its shop and its granted scopes before
// anything is saved; a token without every scope the product needs is refused.
import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";
import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";
import { ShopifyAuthError, ShopifyGraphQLError, ShopifyStoreGoneError } from "@/lib/shopify/client/errors";
import { configuredScopes } from "@/lib/shopify/oauth/oauth-config";
import { scopesCover } from "@/lib/shopify/oauth/shopify-api";
import { saveConnectedStore } from "./save-connected-store";
import type { TConnectByTokenRequest } from "./schemas";
import { shopifyClientFor } from "./store-client";
import { toStoreView } from "./store-view";
import { subscribeStoreWebhooks } from "./subscribe-store-webhooks";

const TOKEN_CHECK = `#graphql
  query StoreTokenCheck {
    shop {
      name
      myshopifyDomain
    }
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

type Identity = { shop: { name: string; myshopifyDomain: string }; currentAppInstallation: { accessScopes: { handle: string }[] } };
type CheckedToken = { name: string; scopes: string[] };

export async function connectStoreByToken({ organizationId, actor, shop, accessToken, apiSecret, name }: TConnectByTokenRequest & { organizationId: string; actor: Actor }) {
  const identity = await checkToken({ shop, accessToken });
  const { store } = await saveConnectedStore({
    organizationId,
    actor,
    kind: "shopify",
    method: "token",
    shopDomain: shop,
    name: name ?? identity.name,
    // Its webhooks are signed with its own secret, when given (else SHOPIFY_API_SECRET is tried).
    credentials: { accessToken, scopes: identity.scopes, apiSecret: apiSecret ?? null },
  });
  const webhooks = await subscribeStoreWebhooks({ store, accessToken });
  return { store: toStoreView(store), webhooks };
}

async function checkToken({ shop, accessToken }: { shop: string; accessToken: string }): Promise<CheckedToken> {
  const client = shopifyClientFor({ kind: "shopify", shopDomain: shop, apiVersion: ADMIN_API_VERSION, accessToken }, { maxRetries: 2, deadlineMs: 20_000, timeoutMs: 10_000 });
  let identity: Identity;
  try {
    identity = (await client.request<Identity>(TOKEN_CHECK)).data;
  } catch (error) {
    if (error instanceof ShopifyAuthError || error instanceof ShopifyGraphQLError) {
      throw new AppError("unprocessable", `accessToken: Shopify did not accept this access token for ${shop}`, { field: "accessToken", cause: error });
    }
    if (error instanceof ShopifyStoreGoneError) throw new AppError("unprocessable", `shop: ${error.message}`, { field: "shop", cause: error });
    throw new AppError("unprocessable", `shop: ${shop} could not be reached; check the domain and try again`, { field: "shop", cause: error });
  }
  if (identity.shop.myshopifyDomain.toLowerCase() !== shop) {
    throw new AppError("unprocessable", `accessToken: this access token belongs to another shop`, { field: "accessToken" });
  }
  const scopes = identity.currentAppInstallation.accessScopes.map((scope) => scope.handle);
  const missing = configuredScopes().filter((scope) => !scopesCover(scopes, [scope]));
  if (missing.length > 0) {
    const list = inWords(missing);
    throw new AppError(
      "unprocessable",
      `accessToken: This token is missing ${list}. In your app's configuration, add the Admin API ${missing.length === 1 ? "scope" : "scopes"} ${list}, release the change and approve it on the store, then connect again.`,
      { field: "accessToken", details: { missingScopes: missing } },
    );
  }
  return { name: identity.shop.name, scopes };
}

/** "a", "a and b", "a, b and c". */
function inWords(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
