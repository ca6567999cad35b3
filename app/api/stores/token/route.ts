import { withOrg } from "@/lib/http/handler";
import { connectStoreByToken } from "@/lib/stores/connect-store-by-token";
import { ZConnectByTokenRequest } from "@/lib/stores/schemas";

// POST /api/stores/token — connect a store with a custom app's Admin API access token (checked live first)
export const POST = withOrg(
  async ({ organizationId, actor, body }) =>
    Response.json(await connectStoreByToken({ organizationId, actor, ...body }), { status: 201 }),
  { can: "stores.add", body: ZConnectByTokenRequest },
);
