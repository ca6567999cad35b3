// A local stand-in for Shopify's OAuth endpoints, for tests. `authorize` behaves like a merchant
// who approves at once: it redirects to redirect_uri with a code, the shop, the state, a timestamp
// and Shopify's HMAC of that query. `access_token` exchanges a code (once) for a token of a sandbox
// shop it creates — so the store then answers Admin GraphQL — or a refresh token for a new pair.
import { createHmac, randomBytes } from "node:crypto";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { rotateSandboxAccessToken } from "@/lib/sandbox/shopify/rotate-sandbox-access-token";

export type StandInOptions = {
  apiKey: string;
  apiSecret: string;
  /** Scopes granted (default: the ones asked for). */
  grantScopes?: string;
  /** Hand out expiring offline tokens with refresh tokens. */
  expiring?: { expiresIn: number; refreshTokenExpiresIn: number };
};

export type StandIn = {
  options: StandInOptions;
  handle(req: Request, shop: string, path: string): Promise<Response | null>;
  /** Signs a callback query the way Shopify does (hex HMAC-SHA256 of the sorted query without hmac). */
  sign(query: Record<string, string>, secret?: string): URLSearchParams;
  refreshes: number;
};

export function createShopifyOauthStandIn(options: StandInOptions): StandIn {
  const codes = new Map<string, { shop: string; scope: string }>();
  const refreshTokens = new Map<string, string>();
  const standIn: StandIn = {
    options,
    refreshes: 0,
    sign(query, secret = options.apiSecret) {
      const message = Object.keys(query)
        .sort()
        .map((key) => `${key}=${query[key]}`)
        .join("&");
      return new URLSearchParams({ ...query, hmac: createHmac("sha256", secret).update(message).digest("hex") });
    },
    async handle(req, shop, path) {
      if (path === "/admin/oauth/authorize" && req.method === "GET") {
        const url = new URL(req.url);
        if (url.searchParams.get("client_id") !== options.apiKey)
          return Response.json({ error: "unknown client_id" }, { status: 400 });
        const code = randomBytes(16).toString("hex");
        codes.set(code, { shop, scope: options.grantScopes ?? url.searchParams.get("scope") ?? "" });
        const query = standIn.sign({
          code,
          shop,
          state: url.searchParams.get("state") ?? "",
          timestamp: String(Math.floor(Date.now() / 1000)),
          host: "aG9zdA",
        });
        return new Response(null, {
          status: 302,
          headers: { location: `${url.searchParams.get("redirect_uri")}?${query}` },
        });
      }
      if (path === "/admin/oauth/access_token" && req.method === "POST") {
        const body = (await req.json()) as Record<string, string>;
        if (body.client_id !== options.apiKey || body.client_secret !== options.apiSecret)
          return Response.json({ error: "invalid_client" }, { status: 401 });
        if (body.grant_type === "refresh_token") return refresh(body.refresh_token ?? "");
        const grant = codes.get(body.code ?? "");
        codes.delete(body.code ?? "");
        if (!grant || grant.shop !== shop)
          return Response.json(
            { error: "invalid_request", error_description: "The authorization code was not found or was already used" },
            { status: 400 },
          );
        const { accessToken } = await createSandboxShop({ domain: shop, name: `OAuth ${shop}` }).catch(async () => ({
          accessToken: (await rotateSandboxAccessToken({ domain: shop }))!,
        }));
        return Response.json(tokenAnswer(shop, accessToken, grant.scope, body.expiring === "1"));
      }
      return null;
    },
  };

  function tokenAnswer(shop: string, accessToken: string, scope: string, expiring: boolean) {
    if (!expiring || !options.expiring) return { access_token: accessToken, scope };
    const refreshToken = `shprt_${randomBytes(16).toString("hex")}`;
    refreshTokens.set(refreshToken, `${shop}|${scope}`);
    return {
      access_token: accessToken,
      scope,
      expires_in: options.expiring.expiresIn,
      refresh_token: refreshToken,
      refresh_token_expires_in: options.expiring.refreshTokenExpiresIn,
    };
  }

  async function refresh(token: string) {
    const known = refreshTokens.get(token);
    // Shopify's refresh tokens are single use: the pair is replaced.
    refreshTokens.delete(token);
    if (!known) return Response.json({ error: "invalid_grant" }, { status: 400 });
    const [shop, scope] = known.split("|") as [string, string];
    standIn.refreshes++;
    return Response.json(tokenAnswer(shop, (await rotateSandboxAccessToken({ domain: shop }))!, scope, true));
  }
  return standIn;
}
