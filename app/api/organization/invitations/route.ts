import { withOrg } from "@/lib/http/handler";
import { inviteMember } from "@/lib/organizations/invite-member";
import { ZInviteMemberRequest } from "@/lib/organizations/schemas";

// POST /api/organization/invitations — invite an email address with a role; answers the link
export const POST = withOrg(
  async ({ organizationId, user, membership, body }) =>
    Response.json(
      await inviteMember({ organizationId, inviter: { userId: user.id, role: membership.role, name: user.name }, ...body }),
      { status: 201 },
    ),
  { role: "admin", body: ZInviteMemberRequest },
);
