import { withStore } from "@/lib/http/handler";
import { listRuns } from "@/lib/operations/list-runs";
import { ZListRunsQuery } from "@/lib/operations/schemas";

// GET /api/stores/:storeId/operations — the store's runs: queued and running first, then the history, a page at a time
export const GET = withStore(
  async ({ store, organizationId, query }) => listRuns({ storeId: store.id, organizationId, ...query }),
  { query: ZListRunsQuery },
);
