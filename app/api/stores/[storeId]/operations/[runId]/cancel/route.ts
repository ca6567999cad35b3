import { auditClearEnd } from "@/lib/clear/run-clear-job";
import { withStore } from "@/lib/http/handler";
import { dropCancelledItems } from "@/lib/odoo-sync/sync-queue";
import { cancelRun } from "@/lib/operations/cancel-run";
import { auditRestoreEnd } from "@/lib/restore/run-restore-job";

// POST /api/stores/:storeId/operations/:runId/cancel — cancel a queued run, or stop a running one at its next checkpoint
export const POST = withStore(
  async ({ store, organizationId, params, actor }) => {
    const answer = await cancelRun({
      runId: params.runId ?? "",
      storeId: store.id,
      organizationId,
      actor,
      shopDomain: store.shopDomain,
      // A queued sync's items leave the store's queue with it (decision 103).
      whenCancelledQueued: async (tx, run) => {
        if (run.kind === "sync") await dropCancelledItems(tx, run.storeId, run.id);
      },
    });
    // A clear cancelled before it started has no job left to record its end.
    if (answer.run.kind === "clear") await auditClearEnd(answer.run.id);
    if (answer.run.kind === "restore") await auditRestoreEnd(answer.run.id);
    return Response.json(answer, { status: 202 });
  },
  { can: "operations.control" },
);
