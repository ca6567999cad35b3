// A node:http server around handleSandboxOdooRequest: `npm run sandbox:odoo` and the tests use
// it, so both exercise real HTTP. It answers at its root too (like a multi-database Odoo), which
// clients that take only a host and port need. A "connection reset" fault destroys the socket.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { flushCallLog } from "./call-log";
import { handleSandboxOdooRequest } from "./handle-sandbox-odoo-request";
import { defaultOdooDb, type OdooDb } from "./odoo-db";
import { isResetResponse, rawBodyOf } from "./protocol/responses";

export type RunningSandboxOdoo = { url: string; port: number; close: () => Promise<void> };

export async function serveSandboxOdoo({
  port = 0,
  host = "127.0.0.1",
  db = defaultOdooDb,
}: { port?: number; host?: string; db?: OdooDb } = {}): Promise<RunningSandboxOdoo> {
  const server = createServer((req, res) => {
    void respond(req, res, db).catch((error: unknown) => {
      console.error("sandbox odoo request failed", error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await flushCallLog();
    },
  };
}

async function respond(req: IncomingMessage, res: ServerResponse, db: OdooDb) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const chunks: Buffer[] = [];
  if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
  const response = await handleSandboxOdooRequest(request, { db, serveRoot: true });
  if (isResetResponse(response)) return void req.socket.destroy();
  const raw = rawBodyOf(response) ?? (await response.text());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": Buffer.byteLength(raw) });
  res.end(raw);
}
