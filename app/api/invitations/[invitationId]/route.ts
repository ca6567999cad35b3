import { withUser } from "@/lib/http/handler";
import { getInvitation } from "@/lib/organizations/get-invitation";

// GET /api/invitations/:invitationId — an invitation addressed to the signed-in user
export const GET = withUser(async ({ user, params }) =>
  getInvitation({ invitationId: params.invitationId!, email: user.email }),
);
