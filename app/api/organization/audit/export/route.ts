import { exportAudit } from "@/lib/audit/export-audit";
import { ZAuditFilters } from "@/lib/audit/schemas";
import { withOrg } from "@/lib/http/handler";

// GET /api/organization/audit/export?storeId=&action=&actor=&from=&to= — the filtered log as a CSV download (audited; same-site only)
export const GET = withOrg(
  async ({ organizationId, actor, query }) => {
    const { stream, filename } = await exportAudit({ organizationId, exportedBy: actor, ...query });
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
  { can: "audit.view", query: ZAuditFilters, sameOrigin: true },
);
