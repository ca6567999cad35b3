import { withStore } from "@/lib/http/handler";
import { validate } from "@/lib/http/parse-input";
import { streamRunEvents } from "@/lib/operations/events/stream-run-events";
import { ZRunStreamInput } from "@/lib/operations/schemas";

export const dynamic = "force-dynamic";

// GET /api/stores/:storeId/operations/:runId/events — server-sent events: the run's snapshot or, after Last-Event-ID, its missed events; then live until it finishes
export const GET = withStore(async ({ req, store, organizationId, params }) => {
  const { lastEventId } = validate(ZRunStreamInput, {
    lastEventId: req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("lastEventId"),
  });
  return streamRunEvents({
    runId: params.runId ?? "",
    storeId: store.id,
    organizationId,
    lastEventId,
    signal: req.signal,
  });
});
