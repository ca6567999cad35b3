import { withUser } from "@/lib/http/handler";
import { appUrl } from "@/lib/runtime/app-url";
import { completeOauth } from "@/lib/stores/oauth/complete-oauth";

// GET /api/shopify/oauth/callback — Shopify sends the merchant back here; redirects to the store or to the list with the reason it failed
export const GET = withUser(async ({ req, user, sessionId, actor }) => {
  const result = await completeOauth({ query: new URL(req.url).searchParams, userId: user.id, sessionId, actor });
  const target = result.ok ? `/stores/${result.storeId}?connected=shopify` : `/stores?oauth_error=${result.reason}`;
  return new Response(null, { status: 303, headers: { location: new URL(target, appUrl()).toString() } });
});
