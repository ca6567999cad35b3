import { withOrg } from "@/lib/http/handler";
import { getOrganization } from "@/lib/organizations/get-organization";
import { renameOrganization } from "@/lib/organizations/rename-organization";
import { ZRenameOrganizationRequest } from "@/lib/organizations/schemas";

// GET /api/organization — the active organization, its members and (for admins) invitations
export const GET = withOrg(async ({ organizationId, membership }) =>
  getOrganization({ organizationId, viewerRole: membership.role }),
);

// PATCH /api/organization — rename the active organization
export const PATCH = withOrg(
  async ({ organizationId, actor, body }) => renameOrganization({ organizationId, name: body.name, actor }),
  {
    can: "organization.rename",
    body: ZRenameOrganizationRequest,
  },
);
