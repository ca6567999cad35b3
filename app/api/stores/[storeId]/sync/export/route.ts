import { downloadResponse } from "@/lib/http/download-response";
import { withStore } from "@/lib/http/handler";
import { exportMappings } from "@/lib/mappings/export-mappings";
import { ZSyncExportQuery } from "@/lib/sync/schemas";

// GET /api/stores/:storeId/sync/export?format=csv|json&types= — the store's whole mapping, streamed as a download (admins)
export const GET = withStore(
  async ({ store, organizationId, actor, query }) => {
    const { stream, filename, contentType } = await exportMappings({
      storeId: store.id,
      organizationId,
      actor,
      format: query.format,
      types: query.types,
    });
    return downloadResponse({ stream, filename, contentType });
  },
  // A link on another site must not make an admin's browser download (and audit) in their name.
  { can: "sync.export", query: ZSyncExportQuery, sameOrigin: true },
);
