import { withUser } from "@/lib/http/handler";
import { oauthConfigStatus } from "@/lib/shopify/oauth/oauth-config";

// GET /api/shopify/oauth/config — whether OAuth is set up (if not, what the merchant can do instead), the scopes asked for
export const GET = withUser(async () => oauthConfigStatus());
