import { withUser } from "@/lib/http/handler";
import { createOrganization } from "@/lib/organizations/create-organization";
import { listOrganizations } from "@/lib/organizations/list-organizations";
import { ZCreateOrganizationRequest, type TListOrganizationsResponse } from "@/lib/organizations/schemas";

// GET /api/organizations — organizations the user belongs to
export const GET = withUser(
  async ({ user }) =>
    ({ organizations: await listOrganizations({ userId: user.id }) }) satisfies TListOrganizationsResponse,
);

// POST /api/organizations — create an organization; the creator is its owner
export const POST = withUser(
  async ({ actor, sessionId, body }) =>
    Response.json(await createOrganization({ actor, sessionId, name: body.name }), { status: 201 }),
  { body: ZCreateOrganizationRequest },
);
