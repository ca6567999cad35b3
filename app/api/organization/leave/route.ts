import { withOrg } from "@/lib/http/handler";
import { leaveOrganization } from "@/lib/organizations/manage-members";

// POST /api/organization/leave — leave the active organization
export const POST = withOrg(async ({ organizationId, actor }) => leaveOrganization({ organizationId, actor }));
