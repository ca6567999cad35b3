// The live check of a custom app's Admin API access token, before anything is saved: one query
// for the token's shop and its granted scopes. Used to connect by token and to replace a token.
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";
import { ShopifyAuthError, ShopifyGraphQLError, ShopifyStoreGoneError } from "@/lib/shopify/client/errors";
import { configuredScopes } from "@/lib/shopify/oauth/oauth-config";
import { scopesCover } from "@/lib/shopify/oauth/shopify-api";
import { shopifyClientFor } from "./store-client";

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

type Identity = {
  shop: { name: string; myshopifyDomain: string };
  currentAppInstallation: { accessScopes: { handle: string }[] };
};
export type CheckedToken = { name: string; scopes: string[] };

type Options = {
  shop: string;
  accessToken: string;
  /** The error for a token of another shop (connecting: 422 on accessToken; replacing: 409). */
  otherShopError?: () => AppError;
};

const otherShopByDefault = () =>
  new AppError("unprocessable", `accessToken: this access token belongs to another shop`, { field: "accessToken" });

/** The shop's name and the token's granted scopes; throws when the token is refused, of another shop, or short of a required scope. */
export async function checkStoreToken({
  shop,
  accessToken,
  otherShopError = otherShopByDefault,
}: Options): Promise<CheckedToken> {
  const client = shopifyClientFor(
    { kind: "shopify", shopDomain: shop, apiVersion: ADMIN_API_VERSION, accessToken },
    { maxRetries: 2, deadlineMs: 20_000, timeoutMs: 10_000 },
  );
  let identity: Identity;
  try {
    identity = (await client.request<Identity>(TOKEN_CHECK)).data;
  } catch (error) {
    if (error instanceof ShopifyAuthError || error instanceof ShopifyGraphQLError) {
      throw new AppError("unprocessable", `accessToken: Shopify did not accept this access token for ${shop}`, {
        field: "accessToken",
        cause: error,
      });
    }
    if (error instanceof ShopifyStoreGoneError)
      throw new AppError("unprocessable", `shop: ${error.message}`, { field: "shop", cause: error });
    throw new AppError("unprocessable", `shop: ${shop} could not be reached; check the domain and try again`, {
      field: "shop",
      cause: error,
    });
  }
  if (identity.shop.myshopifyDomain.toLowerCase() !== shop) throw otherShopError();
  const scopes = identity.currentAppInstallation.accessScopes.map((scope) => scope.handle);
  const missing = configuredScopes().filter((scope) => !scopesCover(scopes, [scope]));
  if (missing.length > 0) {
    const list = inWords(missing);
    throw new AppError(
      "unprocessable",
      `accessToken: This token is missing ${list}. In your app's configuration, add the Admin API ${missing.length === 1 ? "scope" : "scopes"} ${list}, release the change and approve it on the store, then try again.`,
      { field: "accessToken", details: { missingScopes: missing } },
    );
  }
  return { name: identity.shop.name, scopes };
}

/** "a", "a and b", "a, b and c". */
function inWords(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
