// A node:http server around handleSandboxShopifyRequest: the standalone `npm run sandbox:shopify`
// and the tests both use it, so both exercise real HTTP. Responses stream (bulk results are read
// chunk by chunk); a "connection reset" fault destroys the socket. Buckets default to PostgreSQL
// (tests run several servers on one database); the standalone script passes its memory store.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { SandboxBucketStore } from "./cost/bucket-store";
import { postgresBucketStore } from "./cost/postgres-bucket-store";
import { handleSandboxShopifyRequest } from "./handle-sandbox-shopify-request";
import type { SandboxDb } from "./sandbox-db";
import { isResetResponse, rawBodyOf } from "./sandbox-responses";
import { ensureSandboxWorkers, stopSandboxWorkers } from "./workers/sandbox-workers";
import { defaultSandboxDb } from "./sandbox-db";

export type RunningSandboxServer = { url: string; port: number; close: () => Promise<void> };

export type ServeSandboxShopifyOptions = {
  port?: number;
  host?: string;
  db?: SandboxDb;
  publicUrl?: string;
  buckets?: SandboxBucketStore;
};

export async function serveSandboxShopify({
  port = 0,
  host = "127.0.0.1",
  db = defaultSandboxDb,
  publicUrl,
  buckets = postgresBucketStore(db),
}: ServeSandboxShopifyOptions = {}): Promise<RunningSandboxServer> {
  let origin = publicUrl;
  const server = createServer((req, res) => {
    void respond(req, res, { db, publicUrl: origin!, buckets }).catch((error: unknown) => {
      console.error("sandbox shopify request failed", error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "content-type": "application/json" });
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
  const url = `http://${host}:${actual}`;
  origin ??= process.env.SANDBOX_SHOPIFY_PUBLIC_URL ?? url;
  ensureSandboxWorkers({ db });
  return {
    url,
    port: actual,
    close: async () => {
      await stopSandboxWorkers();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  options: { db: SandboxDb; publicUrl: string; buckets: SandboxBucketStore },
) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // Uploads stream through; other bodies (GraphQL documents) are small and cheaper read whole.
  const streamed = hasBody && (req.headers["content-type"] ?? "").startsWith("multipart/");
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: !hasBody ? undefined : streamed ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : await readAll(req),
    ...(streamed ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await handleSandboxShopifyRequest(request, options);
  if (isResetResponse(response)) return void req.socket.destroy();
  const raw = rawBodyOf(response);
  if (raw !== undefined) {
    res.writeHead(response.status, {
      ...Object.fromEntries(response.headers),
      "content-length": Buffer.byteLength(raw),
    });
    return void res.end(raw);
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body || req.method === "HEAD") return void res.end();
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>), res);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
