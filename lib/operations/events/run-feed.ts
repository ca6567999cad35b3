// The events of one run for every stream of this process that follows it: one read of the new
// rows per notice, whatever the number of streams, handed to each in order. A feed exists while
// some stream follows the run. It starts at the run's last event when created; a stream replays
// what came before from the table itself.
import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { operationEvents, operationRuns } from "@/db/schema/operations";
import { logger } from "@/lib/logger";
import type { TOperationEvent } from "../schemas";
import { operationListener } from "./operation-listener";
import { encodeSseEvent } from "./sse-stream";

const PAGE = 500;

/** An event, and the same event encoded for the wire (once, however many streams send it). */
type Listener = (event: TOperationEvent, encoded: Uint8Array) => void;

class RunFeed {
  readonly listeners = new Set<Listener>();
  private cursor = 0;
  private pulling = false;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  readonly ready: Promise<void>;

  constructor(private readonly runId: string) {
    this.ready = this.start();
  }

  private async start() {
    this.unsubscribe = await operationListener().subscribe(
      { run: this.runId },
      { onNotice: () => void this.pull(), onReconnect: () => void this.pull() },
    );
    if (this.stopped) return this.stop();
    const [run] = await db
      .select({ lastSeq: operationRuns.lastSeq })
      .from(operationRuns)
      .where(eq(operationRuns.id, this.runId));
    this.cursor = run?.lastSeq ?? 0;
    // A notice that came while the cursor was read is covered by this pull.
    void this.pull();
  }

  async pull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return;
    }
    this.pulling = true;
    try {
      do {
        this.again = false;
        const events = await readEvents(this.runId, this.cursor, PAGE);
        for (const event of events) {
          this.cursor = event.seq;
          const encoded = encodeSseEvent(event.type, event, event.seq);
          for (const listener of [...this.listeners]) listener(event, encoded);
        }
        if (events.length === PAGE) this.again = true;
      } while (this.again && this.listeners.size > 0);
    } catch (error) {
      logger.warn({ err: error, runId: this.runId }, "could not read a run's events");
    } finally {
      this.pulling = false;
    }
  }

  stop() {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

const feeds = new Map<string, RunFeed>();

/** Hands every event of the run after the feed's start to `listener`; returns the unsubscribe function. */
export async function followRun(runId: string, listener: Listener): Promise<() => void> {
  let feed = feeds.get(runId);
  if (!feed) feeds.set(runId, (feed = new RunFeed(runId)));
  feed.listeners.add(listener);
  const leave = () => {
    feed.listeners.delete(listener);
    if (feed.listeners.size === 0 && feeds.get(runId) === feed) {
      feeds.delete(runId);
      feed.stop();
    }
  };
  try {
    await feed.ready;
  } catch (error) {
    leave();
    throw error;
  }
  return leave;
}

/** Feeds open in this process (tests, the benchmark). */
export const runFeedCount = () => feeds.size;

export async function readEvents(runId: string, afterSeq: number, limit: number): Promise<TOperationEvent[]> {
  const rows = await db
    .select()
    .from(operationEvents)
    .where(and(eq(operationEvents.runId, runId), gt(operationEvents.seq, afterSeq)))
    .orderBy(asc(operationEvents.seq))
    .limit(limit);
  return rows.map((row) => ({
    runId: row.runId,
    seq: row.seq,
    type: row.type,
    at: row.at.toISOString(),
    data: row.data as TOperationEvent["data"],
  }));
}
