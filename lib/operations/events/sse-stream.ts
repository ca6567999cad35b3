// A server-sent events response: typed events with ids, a comment line as heartbeat (so proxies
// and load balancers keep the connection and a dead client is noticed), headers that keep
// proxies from buffering or compressing, and one cleanup however it ends — the client leaving,
// the server closing after a run's last event, or a client too slow to keep up (it reconnects
// with Last-Event-ID and misses nothing).

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: compression middleware (Next's included) must not hold events back.
  "cache-control": "no-cache, no-transform",
  // nginx and its kin: pass each event through as it comes.
  "x-accel-buffering": "no",
  connection: "keep-alive",
};

export const SSE_HEARTBEAT_MS = Number(process.env.SYNCO_SSE_HEARTBEAT_MS ?? 15_000);
/** Bytes a client may fall behind by before its stream is closed. */
const MAX_BACKLOG_BYTES = 1 << 20;
/** What a browser waits before reconnecting. */
const RETRY_MS = 2_000;

/** One event as it goes on the wire: encoded once, written to every stream that sends it. */
export function encodeSseEvent(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`);
}

const encoder = new TextEncoder();

export type SseStream = {
  response: Response;
  /** False once the stream is closed. */
  send(event: string, data: unknown, id?: number): boolean;
  /** Writes an event encoded with encodeSseEvent. */
  sendEncoded(chunk: Uint8Array): boolean;
  close(): void;
  readonly closed: boolean;
  /** Called once, however the stream ends. */
  onClose(callback: () => void): void;
};

export function createSseStream({
  signal,
  heartbeatMs = SSE_HEARTBEAT_MS,
  headers = {},
}: {
  signal?: AbortSignal;
  heartbeatMs?: number;
  headers?: Record<string, string>;
}): SseStream {
  const callbacks: (() => void)[] = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let heartbeat: NodeJS.Timeout | null = null;

  const end = (closeController: boolean) => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    signal?.removeEventListener("abort", onAbort);
    if (closeController) {
      try {
        controller.close();
      } catch {
        // already closed by the consumer
      }
    }
    for (const callback of callbacks.splice(0)) callback();
  };
  const onAbort = () => end(true);

  const write = (chunk: string | Uint8Array): boolean => {
    if (closed) return false;
    try {
      controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    } catch {
      end(false);
      return false;
    }
    if ((controller.desiredSize ?? 0) < -MAX_BACKLOG_BYTES) {
      end(true);
      return false;
    }
    return true;
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        c.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      },
      cancel() {
        end(false);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  heartbeat = setInterval(() => write(": keep-alive\n\n"), heartbeatMs);
  if (signal?.aborted) queueMicrotask(onAbort);
  else signal?.addEventListener("abort", onAbort, { once: true });

  return {
    response: new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...headers } }),
    send: (event, data, id) => write(encodeSseEvent(event, data, id)),
    sendEncoded: (chunk) => write(chunk),
    close: () => end(true),
    get closed() {
      return closed;
    },
    onClose(callback) {
      if (closed) callback();
      else callbacks.push(callback);
    },
  };
}
