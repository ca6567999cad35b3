// GET …/operations/:runId/events — one run's timeline as server-sent events. A new client gets a
// `snapshot` of the run (its id is the run's last event) and then every event as it is written; a
// client that reconnects with Last-Event-ID gets the events after it, replayed from the table,
// and then the live ones: nothing missed, nothing twice. The stream ends after the `finished`
// event; a client already past it is told 204, which stops a browser from reconnecting.
import { findRun, type RunRef } from "../get-run";
import { toRunView } from "../run-view";
import { isActiveStatus, type TOperationEvent } from "../schemas";
import { followRun, readEvents } from "./run-feed";
import { createSseStream } from "./sse-stream";

const REPLAY_PAGE = 500;

export async function streamRunEvents({
  lastEventId,
  signal,
  heartbeatMs,
  ...ref
}: RunRef & { lastEventId?: number; signal?: AbortSignal; heartbeatMs?: number }): Promise<Response> {
  const before = await findRun(ref);
  if (lastEventId !== undefined && !isActiveStatus(before.status) && lastEventId >= before.lastSeq)
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });

  let sent = 0;
  let live = false;
  const buffered: TOperationEvent[] = [];
  const stream = createSseStream({ signal, heartbeatMs });
  const deliver = (event: TOperationEvent, encoded?: Uint8Array) => {
    if (event.seq <= sent || stream.closed) return;
    if (encoded) stream.sendEncoded(encoded);
    else stream.send(event.type, event, event.seq);
    sent = event.seq;
    if (event.type === "finished") stream.close();
  };
  // Following first, then reading: an event written in between is in one or the other.
  const leave = await followRun(before.id, (event, encoded) => (live ? deliver(event, encoded) : buffered.push(event)));
  stream.onClose(leave);

  try {
    const run = await findRun(ref);
    if (lastEventId === undefined || lastEventId > run.lastSeq) {
      stream.send("snapshot", { run: toRunView(run) }, run.lastSeq);
      sent = run.lastSeq;
      if (!isActiveStatus(run.status)) stream.close();
    } else {
      sent = lastEventId;
      for (;;) {
        const page = await readEvents(run.id, sent, REPLAY_PAGE);
        for (const event of page) deliver(event);
        if (page.length < REPLAY_PAGE || stream.closed) break;
      }
    }
    live = true;
    for (const event of buffered.splice(0)) deliver(event);
  } catch (error) {
    stream.close();
    throw error;
  }
  return stream.response;
}
