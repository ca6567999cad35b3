// Reads a server-sent events response the way a browser's EventSource does (events, ids, data,
// comments skipped), for tests and the benchmark: over real HTTP or from a route called in-process.

export type SseMessage = { event: string; id: string | null; data: any };

export class SseReader {
  private readonly queue: SseMessage[] = [];
  private waiting: (() => void) | null = null;
  private ended = false;
  /** Every message read so far, in order. */
  readonly messages: SseMessage[] = [];
  readonly done: Promise<void>;

  constructor(
    readonly response: Response,
    private readonly onMessage?: (message: SseMessage) => void,
  ) {
    this.done = this.pump();
  }

  private async pump() {
    const reader = this.response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let event = "message";
    let id: string | null = null;
    let data: string[] = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line === "") {
            if (data.length) this.push({ event, id, data: JSON.parse(data.join("\n")) });
            event = "message";
            id = null;
            data = [];
          } else if (line.startsWith(":")) continue;
          else if (line.startsWith("event: ")) event = line.slice(7);
          else if (line.startsWith("id: ")) id = line.slice(4);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
      }
    } catch {
      // aborted by the test
    } finally {
      this.ended = true;
      this.waiting?.();
    }
  }

  private push(message: SseMessage) {
    this.messages.push(message);
    this.onMessage?.(message);
    this.queue.push(message);
    this.waiting?.();
  }

  /** The next message, or null once the stream has ended. */
  async next(timeoutMs = 20_000): Promise<SseMessage | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0 && !this.ended) {
      if (Date.now() > deadline) throw new Error("no server-sent event in time");
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, Math.max(0, deadline - Date.now()));
      });
      this.waiting = null;
    }
    return this.queue.shift() ?? null;
  }

  /** Reads until a message matches; returns it (and everything before it is in `messages`). */
  async until(match: (message: SseMessage) => boolean, timeoutMs = 20_000): Promise<SseMessage> {
    for (;;) {
      const message = await this.next(timeoutMs);
      if (!message) throw new Error("the stream ended first");
      if (match(message)) return message;
    }
  }

  /** Resolves when the server has closed the stream. */
  async waitForEnd(timeoutMs = 20_000): Promise<void> {
    await Promise.race([
      this.done,
      new Promise((_, reject) => setTimeout(() => reject(new Error("the stream did not end in time")), timeoutMs)),
    ]);
  }
}
