// POST /api/sandbox/shopify/:shopDomain/admin/api/:version/graphql.json — the sandbox store's
// Admin GraphQL API, authenticated by X-Shopify-Access-Token like Shopify (not by session).
import { handleSandboxShopifyRequest } from "@/lib/sandbox/shopify/provisioning";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Every method reaches the handler so that anything but POST gets Shopify's 405, not Next's.
const handle = (req: Request) => handleSandboxShopifyRequest(req);

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
