import { withOrg } from "@/lib/http/handler";
import { cancelInvitation } from "@/lib/organizations/cancel-invitation";

// DELETE /api/organization/invitations/:invitationId — withdraw a pending invitation
export const DELETE = withOrg(
  async ({ organizationId, actor, params }) =>
    cancelInvitation({ organizationId, invitationId: params.invitationId!, actor }),
  {
    can: "members.manage",
  },
);
