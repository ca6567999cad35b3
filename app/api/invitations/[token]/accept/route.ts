import { withUser } from "@/lib/http/handler";
import { acceptInvitation } from "@/lib/organizations/respond-to-invitation";

// POST /api/invitations/:token/accept — join the organization
export const POST = withUser(async ({ actor, sessionId, params }) =>
  acceptInvitation({ token: params.token!, invitee: { ...actor, sessionId } }),
);
