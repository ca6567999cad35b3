// The address guard over real HTTP: a server listening on loopback is never reached by literal
// address, by `localhost` or by a name the resolver maps to loopback; each non-public class is
// refused and never retried; the app's own sandbox Odoo route is the one exception; the
// operator's opt-in lets private addresses through but never link-local; redirects are not followed.
import { lookup } from "node:dns/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkOdooConnection } from "./check-odoo-connection";
import { createOdooClient } from "./create-odoo-client";
import { OdooAddressRefusedError } from "./errors";
import { literalAddressRefusal, nonPublicKind } from "./odoo-address-guard";
import { sendOdooRequest } from "./send-odoo-request";

const VERSION_INFO = {
  jsonrpc: "2.0",
  id: 1,
  result: { server_version: "19.0", server_version_info: [19, 0, 0, "final", 0, ""], protocol_version: 1 },
};

let server: Server;
let port: number;
const hits: string[] = [];
const saved = { app: process.env.SYNCO_APP_URL, optIn: process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS };

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/redirect/web/webclient/version_info") {
      res.writeHead(308, { location: `http://127.0.0.1:${port}/elsewhere` });
      return res.end();
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(VERSION_INFO));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  for (const [name, value] of [
    ["SYNCO_APP_URL", saved.app],
    ["SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS", saved.optIn],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});

const versionInfo = (root: string) =>
  sendOdooRequest({
    url: `${root}/web/webclient/version_info`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params: {} }),
    timeoutMs: 2_000,
    protocol: "jsonrpc",
  });

describe("which addresses are public", () => {
  it("names each non-public class, and passes public addresses", () => {
    const cases: [string, string | null][] = [
      ["127.0.0.1", "loopback"],
      ["127.8.9.10", "loopback"],
      ["::1", "loopback"],
      ["10.0.0.1", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.168.0.1", "private"],
      ["100.64.0.1", "private"],
      ["fd00::1", "private"],
      ["169.254.169.254", "link-local"],
      ["fe80::1", "link-local"],
      ["0.0.0.0", "unspecified"],
      ["::", "unspecified"],
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["::ffff:a9fe:a9fe", "link-local"],
      ["64:ff9b::10.0.0.1", "private"],
      ["2002:c0a8:0101::1", "private"],
      ["224.0.0.1", "reserved"],
      ["255.255.255.255", "reserved"],
      ["8.8.8.8", null],
      ["172.32.0.1", null],
      ["100.128.0.1", null],
      ["2606:4700:4700::1111", null],
      ["::ffff:8.8.8.8", null],
      ["odoo.example.com", null],
    ];
    expect(cases.map(([address]) => [address, nonPublicKind(address)])).toEqual(cases);
  });
});

describe("requests to a server on loopback", () => {
  it("are refused by literal address of each class, by localhost, and never retried", async () => {
    const before = hits.length;
    const roots = [
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://[::1]:${port}`,
      `http://[::ffff:127.0.0.1]:${port}`,
      `http://0.0.0.0:${port}`,
      `http://2130706433:${port}`, // 127.0.0.1 written as one number
      "http://10.0.0.1",
      "http://172.16.0.1",
      "http://192.168.1.1",
      "http://100.64.0.1",
      "http://169.254.169.254",
      "http://[fd00::1]",
      "http://[fe80::1]",
    ];
    for (const root of roots) {
      const outcome = await versionInfo(root);
      expect(outcome, root).toMatchObject({ kind: "refused-address" });
    }
    expect(hits.length).toBe(before);

    // Through the client: one typed error, no retry, the key nowhere in it.
    const client = createOdooClient({
      url: `http://127.0.0.1:${port}`,
      database: "x",
      login: "a",
      apiKey: "secret-key-0123456789",
      backoff: { baseMs: 1, capMs: 2 },
    });
    const error = await client.version().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooAddressRefusedError);
    expect((error as Error).message).toMatch(/Synco does not connect to http:\/\/127\.0\.0\.1:\d+: .*loopback/);
    expect((error as Error).message).not.toContain("secret-key");
    expect(hits.length).toBe(before);
  });

  it("are refused by a name the resolver maps to loopback, as the connection is made", async (context) => {
    const name = hostname();
    const addresses = await lookup(name, { all: true }).catch(() => []);
    if (!addresses.length || !addresses.every(({ address }) => nonPublicKind(address) === "loopback"))
      return context.skip(`${name} does not resolve to loopback here`);
    // Nothing in the URL says loopback: only the lookup can tell.
    expect(literalAddressRefusal(`http://${name}:${port}`)).toBeNull();
    const before = hits.length;
    expect(await versionInfo(`http://${name}:${port}`)).toMatchObject({
      kind: "refused-address",
      refusal: { host: name, kind: "loopback" },
    });
    expect(hits.length).toBe(before);
  });

  it("reach the app's own sandbox Odoo route, and only it", async () => {
    process.env.SYNCO_APP_URL = `http://127.0.0.1:${port}`;
    const before = hits.length;
    expect(await versionInfo(`http://127.0.0.1:${port}/api/sandbox/odoo/db1`)).toMatchObject({ kind: "result" });
    expect(hits.slice(before)).toEqual(["/api/sandbox/odoo/db1/web/webclient/version_info"]);
    for (const root of [
      `http://127.0.0.1:${port}/api/other`,
      `http://127.0.0.1:${port}/api/sandbox/odoo/../../api/other`,
      `http://localhost:${port}/api/sandbox/odoo/db1`,
      `http://127.0.0.1:${port + 1}/api/sandbox/odoo/db1`,
    ])
      expect(await versionInfo(root), root).toMatchObject({ kind: "refused-address" });
    expect(hits.length).toBe(before + 1);
  });

  it("reach a private address with the operator's opt-in; link-local stays refused", async () => {
    process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = "true";
    expect(await versionInfo(`http://127.0.0.1:${port}`)).toMatchObject({ kind: "result" });
    expect(await versionInfo(`http://localhost:${port}`)).toMatchObject({ kind: "result" });
    expect(await versionInfo("http://169.254.169.254")).toMatchObject({
      kind: "refused-address",
      refusal: { kind: "link-local" },
    });
    expect(await versionInfo("http://0.0.0.0")).toMatchObject({ kind: "refused-address" });
    process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = "1";
    expect(await versionInfo(`http://127.0.0.1:${port}`)).toMatchObject({ kind: "refused-address" });
  });

  it("do not follow redirects", async () => {
    process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = "true";
    const before = hits.length;
    expect(await versionInfo(`http://127.0.0.1:${port}/redirect`)).toMatchObject({ kind: "bad-answer", status: 308 });
    expect(hits.slice(before)).toEqual(["/redirect/web/webclient/version_info"]);
    const check = await checkOdooConnection({
      url: `http://127.0.0.1:${port}/redirect`,
      database: "x",
      login: "a",
      apiKey: "k",
    });
    expect(check).toMatchObject({ ok: false, problem: "not_odoo" });
    expect(check.message).toMatch(/answered with a redirect, which Synco does not follow/);
    expect(hits.slice(before)).toEqual([
      "/redirect/web/webclient/version_info",
      "/redirect/web/webclient/version_info",
    ]);
  });
});
