// The app's API route handlers (app/api/**/route.ts) behind a plain Node HTTP server, routed the
// way Next.js routes them ([param], [...rest], static segments first), with streamed responses
// and the request's signal aborted when the client goes away. Tests and benchmarks run it as
// separate processes (route-server-main.ts) to have several app servers on one database without
// a Next.js build; what it serves is the production handler code.
import { globSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { stampClientAddress, trustedProxies } from "@/lib/runtime/client-address";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { file: string; segments: string[]; rank: number };

const PROXIES = trustedProxies();
const ROOT = path.resolve(import.meta.dirname, "../..");

function discoverRoutes(): Route[] {
  return globSync("app/api/**/route.ts", { cwd: ROOT })
    .map((file) => {
      const segments = file
        .split(path.sep)
        .slice(1, -1)
        .filter((segment) => !/^\(.*\)$/.test(segment));
      // Static segments outrank [param], which outranks [...rest].
      const rank = segments.reduce(
        (score, segment) => score * 3 + (segment.startsWith("[...") ? 0 : segment.startsWith("[") ? 1 : 2),
        0,
      );
      return { file: path.join(ROOT, file), segments, rank };
    })
    .sort((a, b) => b.segments.length - a.segments.length || b.rank - a.rank);
}

function match(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!;
    if (segment.startsWith("[...")) {
      if (i >= parts.length) return null;
      params[segment.slice(4, -1)] = parts.slice(i).map(decodeURIComponent);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith("[")) params[segment.slice(1, -1)] = decodeURIComponent(part);
    else if (segment !== part) return null;
  }
  return parts.length === route.segments.length ? params : null;
}

export async function startRouteServer({ port = 0 }: { port?: number } = {}): Promise<{
  url: string;
  server: Server;
  close: () => Promise<void>;
}> {
  const routes = discoverRoutes();
  const modules = new Map<string, Promise<Record<string, Handler>>>();
  const load = (file: string) => {
    let loaded = modules.get(file);
    if (!loaded) modules.set(file, (loaded = import(pathToFileURL(file).href) as Promise<Record<string, Handler>>));
    return loaded;
  };

  const server = createServer((incoming, outgoing) => {
    void serve(incoming, outgoing).catch((error: unknown) => {
      console.error("route server", error);
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  });

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse) {
    const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
    const parts = url.pathname.split("/").filter(Boolean);
    for (const route of routes) {
      const params = match(route, parts);
      if (!params) continue;
      const handler = (await load(route.file))[incoming.method ?? "GET"];
      if (!handler) break;
      const controller = new AbortController();
      outgoing.on("close", () => controller.abort());
      const response = await handler(await toRequest(incoming, controller.signal), {
        params: Promise.resolve(params),
      });
      await send(response, outgoing);
      return;
    }
    outgoing.writeHead(404, { "content-type": "application/json" });
    outgoing.end(JSON.stringify({ error: { code: "not_found", message: "No such route" } }));
  }

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Fetch API request for a Node one (the whole body read); `signal` aborts when the client leaves. */
export async function toRequest(incoming: IncomingMessage, signal?: AbortSignal): Promise<Request> {
  // As in production (scripts/serve.ts): the client's address from the socket, whatever it sent.
  stampClientAddress(incoming, PROXIES);
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const method = incoming.method ?? "GET";
  return new Request(`http://${incoming.headers.host}${incoming.url ?? "/"}`, {
    method,
    headers,
    signal,
    body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
}

/** Streams the body as it comes (server-sent events), and stops reading it when the client leaves. */
async function send(response: Response, outgoing: ServerResponse) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  outgoing.writeHead(response.status, headers);
  if (!response.body) {
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  outgoing.on("close", () => void reader.cancel().catch(() => {}));
  outgoing.flushHeaders();
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
    if (done) break;
    outgoing.write(value);
  }
  outgoing.end();
}
