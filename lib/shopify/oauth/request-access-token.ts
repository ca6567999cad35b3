// Shopify's token endpoint, for both grants: the authorization code of an OAuth callback and the
// refresh token of an expiring offline token. Expiring tokens are asked for (`expiring: 1`):
// Shopify requires them of new public apps, and they are renewed with the refresh token.
import { z } from "zod";
import type { OauthConfig } from "./oauth-config";
import { shopifyAdminOrigin } from "./shopify-origin";

const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string().default(""),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().optional(),
});

export class ShopifyTokenRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ShopifyTokenRequestError";
  }
}

type Grant = { code: string } | { refreshToken: string };

/** What Shopify grants: the access token, and for expiring tokens the pair that renews it (ISO times). */
export type ShopifyAccessGrant = {
  accessToken: string;
  accessTokenExpiresAt: string | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: string | null;
  scopes: string[];
};

/** Exchanges a grant for an offline access token (which lib/stores keeps as the store's credentials). */
export async function requestAccessToken({
  config,
  shop,
  grant,
  now = new Date(),
}: {
  config: OauthConfig;
  shop: string;
  grant: Grant;
  now?: Date;
}): Promise<ShopifyAccessGrant> {
  const body =
    "code" in grant
      ? { client_id: config.apiKey, client_secret: config.apiSecret, code: grant.code, expiring: "1" }
      : {
          client_id: config.apiKey,
          client_secret: config.apiSecret,
          grant_type: "refresh_token",
          refresh_token: grant.refreshToken,
        };
  let response: Response;
  try {
    response = await fetch(`${shopifyAdminOrigin(shop)}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new ShopifyTokenRequestError(`Shopify's token endpoint for ${shop} could not be reached`, undefined, {
      cause: error,
    });
  }
  // The error body is Shopify's (error, error_description); it never holds our secret or a token.
  if (!response.ok)
    throw new ShopifyTokenRequestError(
      `Shopify refused the token request for ${shop} (HTTP ${response.status})`,
      response.status,
    );
  const parsed = ZTokenResponse.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new ShopifyTokenRequestError(`Shopify's token answer for ${shop} was not understood`, response.status);
  const token = parsed.data;
  const at = (seconds: number | undefined) => (seconds ? new Date(now.getTime() + seconds * 1000).toISOString() : null);
  return {
    accessToken: token.access_token,
    accessTokenExpiresAt: at(token.expires_in),
    refreshToken: token.refresh_token ?? null,
    refreshTokenExpiresAt: at(token.refresh_token_expires_in),
    scopes: token.scope
      .split(",")
      .map((scope) => scope.trim())
      .filter(Boolean),
  };
}
