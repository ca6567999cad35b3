import { withOrg } from "@/lib/http/handler";
import { streamRunUpdates } from "@/lib/operations/events/stream-run-updates";

export const dynamic = "force-dynamic";

// GET /api/organization/operations/events — server-sent events: the active organization's active runs, then each run as it changes
export const GET = withOrg(async ({ req, organizationId }) => streamRunUpdates({ organizationId, signal: req.signal }));
