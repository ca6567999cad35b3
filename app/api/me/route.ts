import { withUser } from "@/lib/http/handler";
import { listOrganizations } from "@/lib/organizations/list-organizations";

// GET /api/me — the signed-in user, their organizations and the active one
export const GET = withUser(async ({ user, activeOrganizationId }) => {
  const organizations = await listOrganizations({ userId: user.id });
  const active = organizations.some((o) => o.id === activeOrganizationId) ? activeOrganizationId : null;
  return { user, organizations, activeOrganizationId: active };
});
