import { withUser } from "@/lib/http/handler";
import { oauthConfigStatus } from "@/lib/shopify/oauth/oauth-config";

// GET /api/shopify/oauth/config — whether OAuth is configured, which variables are missing, the scopes asked for
export const GET = withUser(async () => oauthConfigStatus());
