// GET /api/stores/:storeId/operations/events and /api/organization/operations/events — the runs
// of one store, or of every store of an organization, as they change: a `snapshot` of the active
// runs, then a `run` event with the run as it now is whenever one of its events is written (a
// new run included). After the listener reconnects, a new snapshot replaces what the client
// holds, so a run that ended meanwhile is not shown as running for ever. This is how a page that
// is not following one run learns that one started, moved or ended, without polling.
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { listActiveRuns, listRuns } from "../list-runs";
import { toRunView } from "../run-view";
import type { TOperationRun } from "../schemas";
import { operationListener, type OperationNotice } from "./operation-listener";
import { createSseStream } from "./sse-stream";

export type RunUpdatesScope = { organizationId: string; storeId?: string };

export async function streamRunUpdates({
  organizationId,
  storeId,
  signal,
  heartbeatMs,
}: RunUpdatesScope & { signal?: AbortSignal; heartbeatMs?: number }): Promise<Response> {
  const stream = createSseStream({ signal, heartbeatMs });
  const snapshot = async () => {
    const runs = storeId
      ? (await listRuns({ storeId, organizationId, limit: 1 })).active
      : await listActiveRuns({ organizationId });
    stream.send("snapshot", { runs });
  };
  // Per run, updates go out in the order of its events (reads may finish in any order).
  const queues = new Map<string, Promise<void>>();
  const onNotice = (notice: OperationNotice) => {
    if (notice.org !== organizationId || (storeId && notice.store !== storeId)) return;
    const read = loadRun(notice);
    const sent = (queues.get(notice.run) ?? Promise.resolve())
      .then(() => read)
      .then((run) => {
        if (run) stream.send("run", { run, event: notice.type });
      })
      .catch(() => stream.close());
    queues.set(notice.run, sent);
    void sent.then(() => {
      if (queues.get(notice.run) === sent) queues.delete(notice.run);
    });
  };
  const unsubscribe = await operationListener().subscribe(storeId ? { store: storeId } : { org: organizationId }, {
    onNotice,
    onReconnect: () => void snapshot().catch(() => stream.close()),
  });
  stream.onClose(unsubscribe);
  try {
    await snapshot();
  } catch (error) {
    stream.close();
    throw error;
  }
  return stream.response;
}

// Every stream of the process that hears the same notice shares one read of the run.
const loading = new Map<string, Promise<TOperationRun | null>>();

function loadRun(notice: OperationNotice): Promise<TOperationRun | null> {
  const key = `${notice.run}:${notice.seq}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = db
      .select()
      .from(operationRuns)
      .where(and(eq(operationRuns.id, notice.run), eq(operationRuns.organizationId, notice.org)))
      .then(([row]) => (row ? toRunView(row) : null))
      .finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}
