// One LISTEN connection per process, shared by every event stream it serves. An event row's
// insert NOTIFYs (a trigger) with the run, store and organization it belongs to; the listener
// hands each notice to the subscribers of that run, store or organization, which read what they
// need from the tables (a notice is a wake-up call, the rows are the truth). If the connection
// drops, it reconnects with backoff and tells every subscriber to catch up from the tables, so
// nothing is lost. Unsubscribing removes the subscriber; the connection stays for the process.
import pg from "pg";
import { logger } from "@/lib/logger";

export const OPERATION_EVENTS_CHANNEL = "synco_operation_events";

export type OperationNotice = { run: string; seq: number; type: string; store: string; org: string };

export type Subscriber = {
  onNotice: (notice: OperationNotice) => void;
  /** The connection was re-established: notices may have been missed meanwhile. */
  onReconnect: () => void;
};

export type SubscriptionKey = { run: string } | { store: string } | { org: string };

type Scope = "run" | "store" | "org";

const PING_MS = 30_000;
const MAX_BACKOFF_MS = 5_000;

class OperationListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers: Record<Scope, Map<string, Set<Subscriber>>> = {
    run: new Map(),
    store: new Map(),
    org: new Map(),
  };
  private pingTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs = 250;
  private connectedOnce = false;
  private closed = false;

  /** Resolves once notices for `key` will be delivered; returns the unsubscribe function. */
  async subscribe(key: SubscriptionKey, subscriber: Subscriber): Promise<() => void> {
    const [scope, id] = Object.entries(key)[0] as [Scope, string];
    const map = this.subscribers[scope];
    let set = map.get(id);
    if (!set) map.set(id, (set = new Set()));
    set.add(subscriber);
    try {
      await this.ensureConnected();
    } catch (error) {
      this.remove(scope, id, subscriber);
      throw error;
    }
    return () => this.remove(scope, id, subscriber);
  }

  /** Subscribers and the database connections held (for tests and the benchmark). */
  stats() {
    const count = (scope: Scope) => [...this.subscribers[scope].values()].reduce((sum, set) => sum + set.size, 0);
    return {
      connected: this.client !== null,
      keys: this.subscribers.run.size + this.subscribers.store.size + this.subscribers.org.size,
      subscribers: count("run") + count("store") + count("org"),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private remove(scope: Scope, id: string, subscriber: Subscriber) {
    const set = this.subscribers[scope].get(id);
    if (!set) return;
    set.delete(subscriber);
    if (set.size === 0) this.subscribers[scope].delete(id);
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: event streams need the database");
    const client = new pg.Client({
      connectionString,
      application_name: `${process.env.PGAPPNAME ?? "synco"}:operation-events`,
      keepAlive: true,
    });
    client.on("notification", (message) => this.dispatch(message.payload));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    await client.connect();
    await client.query(`LISTEN ${OPERATION_EVENTS_CHANNEL}`);
    this.client = client;
    this.backoffMs = 250;
    this.pingTimer ??= setInterval(() => this.ping(), PING_MS);
    this.pingTimer.unref?.();
    if (this.connectedOnce) {
      logger.info("operation events listener reconnected");
      for (const scope of Object.values(this.subscribers))
        for (const set of scope.values()) for (const subscriber of set) subscriber.onReconnect();
    }
    this.connectedOnce = true;
  }

  private dispatch(payload: string | undefined) {
    let notice: OperationNotice;
    try {
      notice = JSON.parse(payload ?? "") as OperationNotice;
    } catch {
      return;
    }
    const targets = [
      this.subscribers.run.get(notice.run),
      this.subscribers.store.get(notice.store),
      this.subscribers.org.get(notice.org),
    ];
    for (const set of targets) if (set) for (const subscriber of [...set]) subscriber.onNotice(notice);
  }

  // A half-open connection shows only when used: a query that fails or hangs ends it.
  private ping() {
    const client = this.client;
    if (!client) return;
    const timeout = setTimeout(() => this.lost(client, new Error("ping timed out")), 10_000);
    client
      .query("select 1")
      .catch((error: unknown) => this.lost(client, error as Error))
      .finally(() => clearTimeout(timeout));
  }

  private lost(client: pg.Client, error: Error) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("notification");
    client.end().catch(() => {});
    if (this.closed) return;
    logger.warn({ err: error }, "operation events listener lost its connection; reconnecting");
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.retryTimer || this.closed) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureConnected().catch((error: unknown) => {
        logger.warn({ err: error }, "operation events listener could not reconnect");
        this.scheduleReconnect();
      });
    }, delay);
  }
}

const holder = globalThis as unknown as { __syncoOperationListener?: OperationListener };

/** The process's listener (kept on globalThis so Next's dev reloads reuse it). */
export function operationListener(): OperationListener {
  holder.__syncoOperationListener ??= new OperationListener();
  return holder.__syncoOperationListener;
}

/** Ends the listener's connection (tests, shutdown). */
export async function closeOperationListener(): Promise<void> {
  const listener = holder.__syncoOperationListener;
  holder.__syncoOperationListener = undefined;
  await listener?.close();
}
