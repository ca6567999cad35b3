import { withStore } from "@/lib/http/handler";
import { streamRunUpdates } from "@/lib/operations/events/stream-run-updates";

export const dynamic = "force-dynamic";

// GET /api/stores/:storeId/operations/events — server-sent events: the store's active runs, then each run as it changes
export const GET = withStore(async ({ req, store, organizationId }) =>
  streamRunUpdates({ storeId: store.id, organizationId, signal: req.signal }),
);
