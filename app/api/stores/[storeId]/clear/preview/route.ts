import { previewClear } from "@/lib/clear/preview-clear";
import { ZClearPreviewQuery } from "@/lib/clear/schemas";
import { withStore } from "@/lib/http/handler";
import { can } from "@/lib/organizations/permissions";

// GET /api/stores/:storeId/clear/preview — what a clear would delete (members read it; owners and admins may start it)
export const GET = withStore(
  async ({ store, query, signedInAt, membership }) =>
    previewClear({ store, scope: query.scope, signedInAt, canStart: can(membership.role, "clear.start") }),
  { query: ZClearPreviewQuery },
);
