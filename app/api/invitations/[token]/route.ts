import { withUser } from "@/lib/http/handler";
import { getInvitation } from "@/lib/organizations/get-invitation";

// GET /api/invitations/:token — an invitation addressed to the signed-in user
export const GET = withUser(async ({ user, params }) => getInvitation({ token: params.token!, email: user.email }));
