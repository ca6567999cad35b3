import { withStore } from "@/lib/http/handler";
import { getRun } from "@/lib/operations/get-run";

// GET /api/stores/:storeId/operations/:runId — one run (404 for another store's or organization's)
export const GET = withStore(async ({ store, organizationId, params }) =>
  getRun({ runId: params.runId ?? "", storeId: store.id, organizationId }),
);
