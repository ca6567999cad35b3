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
    return new Response(stream, {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
  { can: "sync.export", query: ZSyncExportQuery, sameOrigin: true },
);
