import { listAudit, ZListAuditQuery } from "@/lib/audit/list-audit";
import { withOrg } from "@/lib/http/handler";

// GET /api/organization/audit?before=&limit= — the organization's audit log, newest first
export const GET = withOrg(async ({ organizationId, query }) => listAudit({ organizationId, ...query }), {
  can: "audit.view",
  query: ZListAuditQuery,
});
