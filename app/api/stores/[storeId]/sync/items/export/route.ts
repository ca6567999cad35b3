import { downloadResponse } from "@/lib/http/download-response";
import { withStore } from "@/lib/http/handler";
import { exportSyncItems } from "@/lib/sync/export-sync-items";
import { ZSyncItemsExportQuery } from "@/lib/sync/schemas";

// GET /api/stores/:storeId/sync/items/export?type=&tab=&q=&mirror= — a list's items with their sync status, streamed as CSV (admins)
export const GET = withStore(
  async ({ store, organizationId, actor, query }) => {
    const { stream, filename, contentType } = await exportSyncItems({
      storeId: store.id,
      organizationId,
      actor,
      ...query,
    });
    return downloadResponse({ stream, filename, contentType });
  },
  // As the mapping export: a link on another site must not make an admin's browser download (and audit) in their name.
  { can: "sync.export", query: ZSyncItemsExportQuery, sameOrigin: true },
);
