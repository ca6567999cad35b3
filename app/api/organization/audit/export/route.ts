import { exportAudit } from "@/lib/audit/export-audit";
import { ZAuditFilters } from "@/lib/audit/schemas";
import { downloadResponse } from "@/lib/http/download-response";
import { withOrg } from "@/lib/http/handler";

// GET /api/organization/audit/export?storeId=&action=&actor=&from=&to= — the filtered log as a CSV download (audited; same-site only)
export const GET = withOrg(
  async ({ organizationId, actor, query }) => {
    const { stream, filename } = await exportAudit({ organizationId, exportedBy: actor, ...query });
    return downloadResponse({ stream, filename, contentType: "text/csv; charset=utf-8" });
  },
  { can: "audit.view", query: ZAuditFilters, sameOrigin: true },
);
