import { withUser } from "@/lib/http/handler";
import { rejectInvitation } from "@/lib/organizations/respond-to-invitation";

// POST /api/invitations/:token/reject — decline the invitation
export const POST = withUser(async ({ actor, sessionId, params }) =>
  rejectInvitation({ token: params.token!, invitee: { ...actor, sessionId } }),
);
