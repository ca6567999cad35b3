import { downloadResponse } from "@/lib/http/download-response";
import { withStore } from "@/lib/http/handler";
import { exportSkippedRows } from "@/lib/restore/export-skipped-rows";
import { ZRestoreRowsExportQuery } from "@/lib/restore/schemas";

// GET /api/stores/:storeId/restores/:runId/rows/export?reason= — a restore's rows not restored, as a CSV to fix and upload again (anyone who sees the rows)
export const GET = withStore(
  async ({ store, organizationId, params, query }) =>
    downloadResponse(
      await exportSkippedRows({
        runId: params.runId ?? "",
        storeId: store.id,
        organizationId,
        shopDomain: store.shopDomain,
        query,
      }),
    ),
  { query: ZRestoreRowsExportQuery },
);
