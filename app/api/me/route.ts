import { withUser } from "@/lib/http/handler";
import { getMe } from "@/lib/organizations/get-me";

// GET /api/me — the signed-in user, their organizations and the active one
export const GET = withUser(async ({ user, activeOrganizationId }) => getMe({ user, activeOrganizationId }));
