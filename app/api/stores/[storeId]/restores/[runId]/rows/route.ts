import { withStore } from "@/lib/http/handler";
import { listRestoreRows } from "@/lib/restore/list-restore-rows";
import { ZRestoreRowsQuery } from "@/lib/restore/schemas";

// GET /api/stores/:storeId/restores/:runId/rows?outcome=&after=&limit= — a restore's rows in file order, with why each was skipped
export const GET = withStore(
  async ({ store, organizationId, params, query }) =>
    listRestoreRows({ runId: params.runId ?? "", storeId: store.id, organizationId, query }),
  { query: ZRestoreRowsQuery },
);
