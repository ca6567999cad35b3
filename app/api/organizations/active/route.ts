import { withUser } from "@/lib/http/handler";
import { switchOrganization, ZSwitchOrganizationRequest } from "@/lib/organizations/switch-organization";

// PUT /api/organizations/active — switch the session to another of the user's organizations
export const PUT = withUser(
  async ({ user, sessionId, body }) => switchOrganization({ userId: user.id, sessionId, organizationId: body.organizationId }),
  { body: ZSwitchOrganizationRequest },
);
