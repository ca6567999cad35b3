// A webhook receiver for tests: an HTTP server on an ephemeral port that records every request
// (headers and raw body) and answers with the statuses it is told to, in order, then 200.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; path: string };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves once `count` requests (optionally only those matching) have arrived. */
  waitFor: (count: number, match?: (webhook: ReceivedWebhook) => boolean) => Promise<ReceivedWebhook[]>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver({ statuses = [] }: { statuses?: number[] } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "/" });
      res.writeHead(queue.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    received,
    waitFor: async (count, match = () => true) => {
      for (let waited = 0; waited < 20_000; waited += 25) {
        const matching = received.filter(match);
        if (matching.length >= count) return matching;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`expected ${count} webhooks, got ${received.filter(match).length}`);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
