import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";

/** The GraphQL URL of a sandbox shop served at `baseUrl` (the app or the standalone sandbox server). */
export function sandboxEndpoint(baseUrl: string, shopDomain: string, apiVersion = ADMIN_API_VERSION): string {
  return `${baseUrl}/api/sandbox/shopify/${shopDomain}/admin/api/${apiVersion}/graphql.json`;
}
