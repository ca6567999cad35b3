import { withOrg } from "@/lib/http/handler";
import { listActiveRuns } from "@/lib/operations/list-runs";

// GET /api/organization/operations — the queued and running runs of every store of the active organization
export const GET = withOrg(async ({ organizationId }) => ({ runs: await listActiveRuns({ organizationId }) }));
