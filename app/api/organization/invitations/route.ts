import { withOrg } from "@/lib/http/handler";
import { inviteMember } from "@/lib/organizations/invite-member";
import { ZInviteMemberRequest } from "@/lib/organizations/schemas";

// POST /api/organization/invitations — invite an email address with a role; answers the link
export const POST = withOrg(
  async ({ organizationId, actor, membership, body }) =>
    Response.json(await inviteMember({ organizationId, inviter: { ...actor, role: membership.role }, ...body }), {
      status: 201,
    }),
  { can: "members.manage", body: ZInviteMemberRequest },
);
