// Connects a store with the Admin API access token of a custom app (Dev Dashboard or a legacy
// admin-created app). The token is tried with a live `shop` query before anything is saved.
import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";
import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";
import { ShopifyAuthError, ShopifyGraphQLError, ShopifyStoreGoneError } from "@/lib/shopify/client/errors";
import { saveConnectedStore } from "./save-connected-store";
import type { TConnectByTokenRequest } from "./schemas";
import { shopifyClientFor } from "./store-client";
import { toStoreView } from "./store-view";
import { subscribeStoreWebhooks } from "./subscribe-store-webhooks";

const SHOP_IDENTITY = `#graphql
  query StoreShopIdentity {
    shop {
      name
      myshopifyDomain
    }
  }
`;

type Identity = { shop: { name: string; myshopifyDomain: string } };

export async function connectStoreByToken({ organizationId, actor, shop, accessToken, apiSecret, name }: TConnectByTokenRequest & { organizationId: string; actor: Actor }) {
  const identity = await checkToken({ shop, accessToken });
  const { store } = await saveConnectedStore({
    organizationId,
    actor,
    kind: "shopify",
    method: "token",
    shopDomain: shop,
    name: name ?? identity.name,
    // A custom app's token does not say its scopes through this query; they are the app's settings.
    // Its webhooks are signed with its own secret, when given (else SHOPIFY_API_SECRET is tried).
    credentials: { accessToken, scopes: [], apiSecret: apiSecret ?? null },
  });
  const webhooks = await subscribeStoreWebhooks({ store, accessToken });
  return { store: toStoreView(store), webhooks };
}

async function checkToken({ shop, accessToken }: { shop: string; accessToken: string }): Promise<Identity["shop"]> {
  const client = shopifyClientFor({ kind: "shopify", shopDomain: shop, apiVersion: ADMIN_API_VERSION, accessToken }, { maxRetries: 2, deadlineMs: 20_000, timeoutMs: 10_000 });
  let identity: Identity["shop"];
  try {
    identity = (await client.request<Identity>(SHOP_IDENTITY)).data.shop;
  } catch (error) {
    if (error instanceof ShopifyAuthError || error instanceof ShopifyGraphQLError) {
      throw new AppError("unprocessable", `accessToken: Shopify did not accept this access token for ${shop}`, { field: "accessToken", cause: error });
    }
    if (error instanceof ShopifyStoreGoneError) throw new AppError("unprocessable", `shop: ${error.message}`, { field: "shop", cause: error });
    throw new AppError("unprocessable", `shop: ${shop} could not be reached; check the domain and try again`, { field: "shop", cause: error });
  }
  if (identity.myshopifyDomain.toLowerCase() !== shop) {
    throw new AppError("unprocessable", `accessToken: this access token belongs to another shop`, { field: "accessToken" });
  }
  return identity;
}
