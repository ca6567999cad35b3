// Test helper: a real HTTP server in front of the sandbox that answers the next requests with
// queued faults (an HTTP status, a reset connection, or no answer at all) and proxies the rest.
// The client under test talks to it exactly as it talks to Shopify.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = { status: number; headers?: Record<string, string>; body?: string } | "reset" | "hang";

export type FaultProxy = {
  url: string;
  /** Faults for the next requests, in order; requests beyond them reach the sandbox. */
  faults: Fault[];
  /** performance.now() of every request's arrival, and what it got. */
  log: { at: number; got: string }[];
  close: () => Promise<void>;
};

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const faults: Fault[] = [];
  const log: FaultProxy["log"] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const fault = faults.shift();
    log.push({
      at: performance.now(),
      got: fault === undefined ? "proxied" : typeof fault === "string" ? fault : String(fault.status),
    });
    if (fault === "reset") return req.socket.destroy();
    if (fault === "hang") return;
    if (fault) {
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      return res.end(fault.body ?? JSON.stringify({ errors: "injected fault" }));
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers: {
        "content-type": String(req.headers["content-type"]),
        "x-shopify-access-token": String(req.headers["x-shopify-access-token"]),
      },
      body: Buffer.concat(chunks),
    });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
