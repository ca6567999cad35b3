import { listAudit } from "@/lib/audit/list-audit";
import { ZListAuditQuery } from "@/lib/audit/schemas";
import { withOrg } from "@/lib/http/handler";

// GET /api/organization/audit?storeId=&action=&actor=&from=&to=&before=&limit= — the organization's audit log, newest first
export const GET = withOrg(async ({ organizationId, query }) => listAudit({ organizationId, ...query }), {
  can: "audit.view",
  query: ZListAuditQuery,
});
