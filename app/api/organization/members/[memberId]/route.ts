import { withOrg } from "@/lib/http/handler";
import { changeMemberRole, removeMember } from "@/lib/organizations/manage-members";
import { ZChangeMemberRoleRequest } from "@/lib/organizations/schemas";

// PATCH /api/organization/members/:memberId — change a member's role
export const PATCH = withOrg(
  async ({ organizationId, membership, actor, params, body }) =>
    changeMemberRole({ organizationId, by: membership, actor, memberId: params.memberId!, role: body.role }),
  { can: "members.manage", body: ZChangeMemberRoleRequest },
);

// DELETE /api/organization/members/:memberId — remove a member
export const DELETE = withOrg(
  async ({ organizationId, membership, actor, params }) =>
    removeMember({ organizationId, by: membership, actor, memberId: params.memberId! }),
  { can: "members.manage" },
);
