import { withUser } from "@/lib/http/handler";
import { ZSwitchOrganizationRequest } from "@/lib/organizations/schemas";
import { switchOrganization } from "@/lib/organizations/switch-organization";

// PUT /api/organizations/active — switch the session to another of the user's organizations
export const PUT = withUser(
  async ({ user, sessionId, body }) =>
    switchOrganization({ userId: user.id, sessionId, organizationId: body.organizationId }),
  { body: ZSwitchOrganizationRequest },
);
