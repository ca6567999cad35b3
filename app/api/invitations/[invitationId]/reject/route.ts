import { withUser } from "@/lib/http/handler";
import { rejectInvitation } from "@/lib/organizations/respond-to-invitation";

// POST /api/invitations/:invitationId/reject — decline the invitation
export const POST = withUser(async ({ actor, sessionId, params }) =>
  rejectInvitation({ invitationId: params.invitationId!, invitee: { ...actor, sessionId } }),
);
