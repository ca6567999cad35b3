// A node:http server around handleSandboxShopifyRequest: the standalone `npm run sandbox:shopify`
// and the tests both use it, so both exercise real HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleSandboxShopifyRequest } from "./handle-sandbox-shopify-request";
import type { SandboxDb } from "./sandbox-db";

export type RunningSandboxServer = { url: string; port: number; close: () => Promise<void> };

export async function serveSandboxShopify({ port = 0, host = "127.0.0.1", db }: { port?: number; host?: string; db?: SandboxDb } = {}): Promise<RunningSandboxServer> {
  const server = createServer((req, res) => {
    void respond(req, res, db).catch((error: unknown) => {
      console.error("sandbox shopify request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: "Internal error. Looks like something went wrong on our end." }] }));
    });
  });
  // Load tests open many connections; keep them alive as Shopify's edge does.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function respond(req: IncomingMessage, res: ServerResponse, db: SandboxDb | undefined) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
  const response = await handleSandboxShopifyRequest(request, { db });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
