// The parts of the app that Shopify (or the sandbox) talks to, on an ephemeral port for tests:
// the sandbox Admin API, the webhook receiver, and optionally the OAuth stand-in at
// {url}/api/sandbox/shopify/{shop}/admin/oauth/…. Point SYNCO_APP_URL and SYNCO_DEV_SHOPIFY_ORIGIN
// at it (serveTestAppForFile does) and every store code path runs over real HTTP.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/shopify/route";
import { handleSandboxOdooRequest } from "@/lib/sandbox/odoo/provisioning";
import { handleSandboxShopifyRequest } from "@/lib/sandbox/shopify/handle-sandbox-shopify-request";
import { toRequest } from "@/lib/testing/route-server";
import { createShopifyOauthStandIn, type StandIn, type StandInOptions } from "./shopify-oauth-stand-in";

const SHOP_PATH = /^\/api\/sandbox\/shopify\/([^/]+)(\/admin\/oauth\/[a-z_]+)$/;

export type TestAppServer = { url: string; standIn: StandIn | null; close: () => Promise<void> };

export async function startTestAppServer({ oauth }: { oauth?: StandInOptions } = {}): Promise<TestAppServer> {
  const standIn = oauth ? createShopifyOauthStandIn(oauth) : null;
  const server = createServer((incoming, outgoing) => {
    void toRequest(incoming)
      .then(async (req) => {
        const { pathname } = new URL(req.url);
        if (pathname === "/api/webhooks/shopify") return webhookRoute.POST(req);
        if (pathname.startsWith("/api/sandbox/odoo/")) return handleSandboxOdooRequest(req);
        const oauthPath = SHOP_PATH.exec(pathname);
        const answered =
          oauthPath && standIn ? await standIn.handle(req, decodeURIComponent(oauthPath[1]!), oauthPath[2]!) : null;
        return answered ?? handleSandboxShopifyRequest(req);
      })
      .then(async (res) => {
        outgoing.writeHead(res.status, Object.fromEntries(res.headers));
        outgoing.end(Buffer.from(await res.arrayBuffer()));
      })
      .catch((error: unknown) => {
        console.error("test app server", error);
        if (!outgoing.headersSent) outgoing.writeHead(500);
        outgoing.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, standIn, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Starts the server for a test file and points the app's URL settings at it. */
export function serveTestAppForFile(options: { oauth?: StandInOptions } = {}): () => TestAppServer {
  let running: TestAppServer | undefined;
  const saved = { app: process.env.SYNCO_APP_URL, origin: process.env.SYNCO_DEV_SHOPIFY_ORIGIN };
  beforeAll(async () => {
    running = await startTestAppServer(options);
    process.env.SYNCO_APP_URL = running.url;
    process.env.SYNCO_DEV_SHOPIFY_ORIGIN = `${running.url}/api/sandbox/shopify/{shop}`;
  });
  afterAll(async () => {
    process.env.SYNCO_APP_URL = saved.app;
    if (saved.origin === undefined) delete process.env.SYNCO_DEV_SHOPIFY_ORIGIN;
    else process.env.SYNCO_DEV_SHOPIFY_ORIGIN = saved.origin;
    await running?.close();
  });
  return () => {
    if (!running) throw new Error("test app server not started");
    return running;
  };
}
