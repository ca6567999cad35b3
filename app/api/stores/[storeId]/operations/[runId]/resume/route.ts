import { withStore } from "@/lib/http/handler";
import { resumeRun } from "@/lib/operations/resume-run";

// POST /api/stores/:storeId/operations/:runId/resume — continue a failed or cancelled run from its checkpoint
export const POST = withStore(
  async ({ store, organizationId, params, actor }) =>
    Response.json(
      await resumeRun({
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
