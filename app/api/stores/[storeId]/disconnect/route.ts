import { withStore } from "@/lib/http/handler";
import { disconnectStore } from "@/lib/stores/disconnect-store";

// POST /api/stores/:storeId/disconnect — remove the credentials, keep the store row and its audit log (idempotent)
export const POST = withStore(
  async ({ store, organizationId, actor }) => disconnectStore({ storeId: store.id, organizationId, actor }),
  {
    can: "store.manage",
  },
);
