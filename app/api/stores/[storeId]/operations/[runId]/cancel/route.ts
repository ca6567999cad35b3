import { withStore } from "@/lib/http/handler";
import { cancelRun } from "@/lib/operations/cancel-run";

// POST /api/stores/:storeId/operations/:runId/cancel — cancel a queued run, or stop a running one at its next checkpoint
export const POST = withStore(
  async ({ store, organizationId, params, actor }) =>
    Response.json(
      await cancelRun({
        runId: params.runId ?? "",
        storeId: store.id,
        organizationId,
        actor,
        shopDomain: store.shopDomain,
      }),
      {
        status: 202,
      },
    ),
  { can: "operations.control" },
);
