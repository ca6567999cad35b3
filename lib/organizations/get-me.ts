import { listOrganizations } from "./list-organizations";
import type { TMe } from "./schemas";

/** The signed-in user with their organizations; the session's active one only while they still belong to it. */
export async function getMe({
  user,
  activeOrganizationId,
}: {
  user: TMe["user"];
  activeOrganizationId: string | null;
}): Promise<TMe> {
  const organizations = await listOrganizations({ userId: user.id });
  const active = organizations.some((o) => o.id === activeOrganizationId) ? activeOrganizationId : null;
  return { user, organizations, activeOrganizationId: active };
}
