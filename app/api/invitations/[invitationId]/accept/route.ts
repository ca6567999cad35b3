import { withUser } from "@/lib/http/handler";
import { acceptInvitation } from "@/lib/organizations/respond-to-invitation";

// POST /api/invitations/:invitationId/accept — join the organization
export const POST = withUser(async ({ actor, sessionId, params }) =>
  acceptInvitation({ invitationId: params.invitationId!, invitee: { ...actor, sessionId } }),
);
