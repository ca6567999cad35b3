// A store's Odoo connection over its routes, against the real sandbox Odoo over HTTP: sandbox
// stores come connected to a sandbox Odoo of their own, seeded with the records their synced items
// point to; members read (never the key), admins save, test and remove, audited; other
// organizations get 404; bad input is a 422 naming the field; and every way a test can fail is
// named with its own message.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as odooRoute from "@/app/api/stores/[storeId]/odoo/route";
import * as testRoute from "@/app/api/stores/[storeId]/odoo/test/route";
import * as sandboxRoute from "@/app/api/stores/sandbox/route";
import { db } from "@/db/client";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { sandboxShopifyMetafields, sandboxShopifyShops } from "@/db/schema/sandbox-shopify";
import { createOdooClient } from "@/lib/odoo/create-odoo-client";
import { createSandboxOdooUser } from "@/lib/sandbox/odoo/create-sandbox-odoo-user";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { TStoreView } from "../schemas";
import { auditRows } from "../testing/store-helpers";
import { serveTestAppForFile } from "../testing/test-app-server";
import type { TOdooConnectionView } from "./schemas";

const app = serveTestAppForFile();
let owner: TestUser;
let admin: TestUser;
let member: TestUser;
let stranger: TestUser;
// An "Odoo 15" that answers only version_info, as an old server would: the sandbox serves 16–19.
let oldOdoo: Server;
let oldOdooUrl: string;
let oldOdooHits = 0;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  admin = await addMember(owner, "admin");
  member = await addMember(owner, "member");
  stranger = await signUp();
  await createOrg(stranger);
  oldOdoo = createServer((req, res) => {
    oldOdooHits++;
    if (req.url === "/web/webclient/version_info") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          result: {
            server_version: "15.0",
            server_version_info: [15, 0, 0, "final", 0, ""],
            server_serie: "15.0",
            protocol_version: 1,
          },
        }),
      );
    } else {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<html>Not Found</html>");
    }
  });
  await new Promise<void>((resolve) => oldOdoo.listen(0, "127.0.0.1", resolve));
  oldOdooUrl = `http://127.0.0.1:${(oldOdoo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => oldOdoo.close(resolve));
});

async function addSandboxStore(user: TestUser, odooVersion?: number): Promise<TStoreView> {
  const res = await call(sandboxRoute.POST, "POST", "/api/stores/sandbox", {
    cookie: user.cookie,
    body: { size: "small", ...(odooVersion ? { odooVersion } : {}) },
  });
  if (res.status !== 201) throw new Error(`add sandbox store failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.store as TStoreView;
}

const getConnection = (user: TestUser, storeId: string) =>
  call(odooRoute.GET, "GET", "/x", { cookie: user.cookie, params: { storeId } });
const put = (user: TestUser, storeId: string, body: unknown) =>
  call(odooRoute.PUT, "PUT", "/x", { cookie: user.cookie, params: { storeId }, body });
const remove = (user: TestUser, storeId: string) =>
  call(odooRoute.DELETE, "DELETE", "/x", { cookie: user.cookie, params: { storeId } });
const test = (user: TestUser, storeId: string, body: unknown = {}) =>
  call(testRoute.POST, "POST", "/x", { cookie: user.cookie, params: { storeId }, body });

/** Runs `body` with the operator's opt-in for private networks (the test servers listen on 127.0.0.1). */
async function withPrivateNetworks<T>(body: () => Promise<T>): Promise<T> {
  const saved = process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS;
  process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = "true";
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS;
    else process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = saved;
  }
}

async function apiKeyOf(storeId: string): Promise<string> {
  const { openOdooApiKey } = await import("./odoo-connection-secret");
  const [row] = await db.select().from(storeOdooConnections).where(eq(storeOdooConnections.storeId, storeId));
  return openOdooApiKey(row!);
}

describe("a sandbox store's Odoo connection", () => {
  let store: TStoreView;
  let connection: TOdooConnectionView;

  beforeAll(async () => {
    store = await addSandboxStore(admin);
    connection = (await getConnection(member, store.id)).body.connection;
  });

  it("comes connected to a sandbox Odoo of its own; members read it, never the key", async () => {
    expect(connection).toMatchObject({
      sandbox: true,
      database: store.shopDomain.replace(".myshopify.com", ""),
      login: "synco@example.com",
      protocol: "auto",
      apiKeySet: true,
    });
    expect(connection.url).toBe(`${app().url}/api/sandbox/odoo/${connection.database}`);
    const key = await apiKeyOf(store.id);
    const raw = JSON.stringify((await getConnection(member, store.id)).body);
    expect(raw).not.toContain(key);
    const [row] = await db.select().from(storeOdooConnections).where(eq(storeOdooConnections.storeId, store.id));
    expect(row!.apiKeyCiphertext).not.toContain(key);
  });

  it("tests OK: version, user and every access right the sync needs; the result is kept on the connection", async () => {
    const res = await test(admin, store.id);
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({
      ok: true,
      problem: null,
      version: { serverVersion: "19.0", major: 19 },
      protocol: "json2",
      user: { login: "synco@example.com", name: "Synco" },
    });
    expect(res.body.result.rights.map((r: { model: string }) => r.model)).toEqual([
      "res.partner",
      "product.template",
      "product.product",
      "sale.order",
      "sale.order.line",
      "account.move",
    ]);
    for (const right of res.body.result.rights)
      expect(right.granted).toEqual({ read: true, create: true, write: true });
    expect((await getConnection(member, store.id)).body.connection.lastTest).toMatchObject({
      ok: true,
      serverVersion: "19.0",
    });
  });

  it("every Odoo id and invoice id in the store's sync state exists in its sandbox Odoo", async () => {
    const [shop] = await db.select().from(sandboxShopifyShops).where(eq(sandboxShopifyShops.domain, store.shopDomain));
    const states = await db
      .select({ ownerType: sandboxShopifyMetafields.ownerType, value: sandboxShopifyMetafields.value })
      .from(sandboxShopifyMetafields)
      .where(and(eq(sandboxShopifyMetafields.shopId, shop!.id), eq(sandboxShopifyMetafields.key, "sync")));
    const ids = { CUSTOMER: [] as number[], PRODUCT: [] as number[], ORDER: [] as number[], INVOICE: [] as number[] };
    for (const { ownerType, value } of states) {
      const parsed = JSON.parse(value) as { status: string; odoo_id?: number; odoo_invoice_id?: number };
      if (parsed.status !== "synced") continue;
      ids[ownerType as "CUSTOMER" | "PRODUCT" | "ORDER"].push(parsed.odoo_id!);
      if (parsed.odoo_invoice_id) ids.INVOICE.push(parsed.odoo_invoice_id);
    }
    expect(ids.ORDER.length).toBeGreaterThan(50);
    expect(ids.CUSTOMER.length).toBeGreaterThan(20);
    expect(ids.PRODUCT.length).toBeGreaterThan(10);
    const client = createOdooClient({
      url: connection.url,
      database: connection.database,
      login: connection.login,
      apiKey: await apiKeyOf(store.id),
    });
    const found = async (model: string, list: number[], fields: string[]) =>
      client.read<{ id: number } & Record<string, unknown>>(model, list, fields);
    expect((await found("res.partner", ids.CUSTOMER, ["email"])).length).toBe(ids.CUSTOMER.length);
    expect((await found("product.template", ids.PRODUCT, ["name"])).length).toBe(ids.PRODUCT.length);
    const orders = await found("sale.order", ids.ORDER, [
      "state",
      "client_order_ref",
      "invoice_status",
      "invoice_ids",
      "amount_total",
    ]);
    expect(orders.length).toBe(ids.ORDER.length);
    for (const order of orders) {
      expect(order).toMatchObject({ state: "sale", invoice_status: "invoiced" });
      expect(String(order.client_order_ref)).toMatch(/^#\d+$/);
      expect((order.invoice_ids as number[]).length).toBe(1);
    }
    const invoices = await found("account.move", ids.INVOICE, ["state", "move_type", "name", "amount_total"]);
    expect(invoices.length).toBe(ids.INVOICE.length);
    for (const invoice of invoices) {
      expect(invoice).toMatchObject({ state: "posted", move_type: "out_invoice" });
      expect(String(invoice.name)).toMatch(/^INV\/\d{4}\/\d{5}$/);
    }
    // The order's invoice is the one its sync state names, for the same amount.
    const byOrder = new Map(orders.map((o) => [o.id, o]));
    for (const { value } of states) {
      const parsed = JSON.parse(value) as { status: string; odoo_id?: number; odoo_invoice_id?: number };
      if (parsed.status !== "synced" || !parsed.odoo_invoice_id) continue;
      const order = byOrder.get(parsed.odoo_id!)!;
      expect(order.invoice_ids).toEqual([parsed.odoo_invoice_id]);
      expect(invoices.find((i) => i.id === parsed.odoo_invoice_id)!.amount_total).toBe(order.amount_total);
    }
    // The sandbox Odoo still works as Odoo does on top of the seeded records: a new order gets the next ids.
    const [partner] = ids.CUSTOMER;
    const [created] = await client.create("sale.order", [{ partner_id: partner }]);
    expect(ids.ORDER).not.toContain(created);
  });

  it("members cannot change, test or remove it (403 naming the role); another organization gets 404", async () => {
    for (const res of [
      await put(member, store.id, { url: "https://x.odoo.com", database: "x", login: "a", apiKey: "k" }),
      await test(member, store.id),
      await remove(member, store.id),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/admin role; you are a member/);
    }
    for (const res of [
      await getConnection(stranger, store.id),
      await put(stranger, store.id, { url: "https://x.odoo.com", database: "x", login: "a", apiKey: "k" }),
      await test(stranger, store.id),
      await remove(stranger, store.id),
    ])
      expect(res.status).toBe(404);
    expect((await getConnection(member, store.id)).body.connection.database).toBe(connection.database);
  });

  it("refuses bad input with a 422 naming the field", async () => {
    const valid = { url: "https://acme.odoo.com", database: "acme", login: "sync@acme.com", apiKey: "k".repeat(40) };
    const bad: [Record<string, unknown>, string][] = [
      [{ ...valid, url: "ftp://acme.odoo.com" }, "url"],
      [{ ...valid, url: "not a url" }, "url"],
      [{ ...valid, url: "https://user:pw@acme.odoo.com" }, "url"],
      [{ ...valid, url: undefined }, "url"],
      [{ ...valid, database: "has space" }, "database"],
      [{ ...valid, database: "" }, "database"],
      [{ ...valid, login: "" }, "login"],
      [{ ...valid, apiKey: "" }, "apiKey"],
      [{ ...valid, apiKey: "k".repeat(600) }, "apiKey"],
      [{ ...valid, protocol: "soap" }, "protocol"],
    ];
    for (const [body, field] of bad) {
      const res = await put(admin, store.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    // A URL that names a non-public address is refused on saving too; the sandbox's own URL is not.
    for (const url of [
      "http://127.0.0.1:8069",
      "http://localhost:8069",
      "http://[::1]",
      "http://10.0.0.5",
      "http://169.254.169.254",
    ]) {
      const res = await put(admin, store.id, { ...valid, url });
      expect(res.status, url).toBe(422);
      expect(res.body.error.field, url).toBe("url");
      expect(res.body.error.message, url).toMatch(/url must be a public address/);
    }
    const own = (await getConnection(admin, store.id)).body.connection as TOdooConnectionView;
    expect(new URL(own.url).hostname).toBe("127.0.0.1");
    const kept = await put(admin, store.id, { url: own.url, database: own.database, login: own.login });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.connection).toMatchObject({ sandbox: true, url: own.url });
    const res = await test(admin, store.id, { url: "gopher://x" });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("url");
  });
});

describe.each([16, 17, 18] as const)("a sandbox store on Odoo %i", (version) => {
  it("comes connected and seeded the way that version stores its records", async () => {
    const store = await addSandboxStore(admin, version);
    const connection = (await getConnection(admin, store.id)).body.connection as TOdooConnectionView;
    expect((await test(admin, store.id)).body.result).toMatchObject({ ok: true, version: { major: version } });
    const client = createOdooClient({
      url: connection.url,
      database: connection.database,
      login: connection.login,
      apiKey: await apiKeyOf(store.id),
    });
    const orders = await client.searchRead("sale.order", {
      fields: ["state", "invoice_status", "invoice_ids", "amount_total", ...(version >= 17 ? ["locked"] : [])],
    });
    expect(orders.length).toBeGreaterThan(50);
    for (const order of orders) {
      expect(order).toMatchObject({ state: "sale", invoice_status: "invoiced" });
      if (version >= 17) expect(order.locked).toBe(false);
    }
    const [line] = await client.searchRead("sale.order.line", {
      fields: ["product_uom", "tax_id", "product_id", "qty_invoiced", "qty_to_invoice"],
      limit: 1,
    });
    expect(line).toMatchObject({ product_uom: [1, "Units"], tax_id: [], qty_to_invoice: 0 });
    const [template] = await client.searchRead("product.template", {
      fields: version <= 17 ? ["detailed_type", "type"] : ["type", "is_storable"],
      limit: 1,
    });
    expect(template).toMatchObject(
      version <= 17 ? { detailed_type: "consu", type: "consu" } : { type: "consu", is_storable: false },
    );
    // Invoicing again finds nothing left to invoice, as Odoo would say.
    const [wizard] = await client.create("sale.advance.payment.inv", [{ sale_order_ids: [[6, 0, [orders[0]!.id]]] }]);
    await expect(client.call("sale.advance.payment.inv", "create_invoices", { ids: [wizard!] })).rejects.toThrow(
      /no invoiceable line/,
    );
  });
});

describe("testing a connection: each failure named", () => {
  let v19: TStoreView;
  let v17: TStoreView;
  let c19: TOdooConnectionView;
  let c17: TOdooConnectionView;

  beforeAll(async () => {
    v19 = await addSandboxStore(owner, 19);
    v17 = await addSandboxStore(owner, 17);
    c19 = (await getConnection(owner, v19.id)).body.connection;
    c17 = (await getConnection(owner, v17.id)).body.connection;
  });

  const expectProblem = async (storeId: string, body: unknown, problem: string, message: RegExp) => {
    const res = await test(admin, storeId, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result, JSON.stringify(res.body.result)).toMatchObject({ ok: false, problem });
    expect(res.body.result.message).toMatch(message);
    return res.body.result;
  };

  it("Odoo 17 over JSON-RPC works too, and JSON-RPC can be forced on 19", async () => {
    const res = await test(admin, v17.id);
    expect(res.body.result).toMatchObject({ ok: true, version: { major: 17 }, protocol: "jsonrpc" });
    const forced = await test(admin, v19.id, { protocol: "jsonrpc" });
    expect(forced.body.result).toMatchObject({ ok: true, version: { major: 19 }, protocol: "jsonrpc" });
  });

  it("unreachable: nothing listens at the URL", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await withPrivateNetworks(() =>
      expectProblem(v19.id, { url: `http://127.0.0.1:${port}` }, "unreachable", /could not reach .*refused/),
    );
  });

  it("not an Odoo server", async () => {
    await withPrivateNetworks(() =>
      expectProblem(v19.id, { url: `${app().url}/not-odoo` }, "not_odoo", /not as an Odoo server/),
    );
  });

  it("address: loopback, private, link-local and other non-public addresses are refused before connecting", async () => {
    // The old Odoo listens on 127.0.0.1: without the opt-in it must not be reached, by address or by name.
    const port = new URL(oldOdooUrl).port;
    const refused = [
      oldOdooUrl,
      `http://localhost:${port}`,
      `http://[::1]:${port}`,
      `http://[::ffff:127.0.0.1]:${port}`,
      `http://0.0.0.0:${port}`,
      "http://10.1.2.3:8069",
      "http://172.16.0.1",
      "http://192.168.1.10:8069",
      "http://100.64.0.1",
      "http://169.254.169.254",
      "http://[fd12:3456::1]",
      "http://[fe80::1]",
      // The app's own origin outside the sandbox Odoo route.
      `${app().url}/not-odoo`,
    ];
    const hits = oldOdooHits;
    for (const url of refused) {
      const result = await expectProblem(v19.id, { url }, "address", /Synco does not connect to .*public internet/);
      expect(result).toMatchObject({ version: null, user: null, rights: [] });
      expect(result.message).toMatch(/SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS=true/);
    }
    expect(oldOdooHits).toBe(hits);
    // With the operator's opt-in, the same private address is reached (and is an Odoo 15).
    await withPrivateNetworks(() => expectProblem(v19.id, { url: oldOdooUrl }, "unsupported_version", /Odoo 15/));
    expect(oldOdooHits).toBeGreaterThan(hits);
    // Link-local (cloud metadata) stays refused even then.
    await withPrivateNetworks(() => expectProblem(v19.id, { url: "http://169.254.169.254" }, "address", /not on/));
  });

  it("unsupported version", async () => {
    const result = await withPrivateNetworks(() =>
      expectProblem(v19.id, { url: oldOdooUrl }, "unsupported_version", /Odoo 15\.0.*16, 17, 18, 19/),
    );
    expect(result.version).toEqual({ serverVersion: "15.0", major: 15 });
  });

  it("JSON-2 forced on a version without it", async () => {
    await expectProblem(v17.id, { protocol: "json2" }, "protocol", /no JSON-2 API/);
  });

  it("wrong database, on JSON-2 and on JSON-RPC", async () => {
    await expectProblem(v19.id, { database: "nope" }, "database", /no database “nope”/);
    await expectProblem(v17.id, { database: "nope" }, "database", /no database “nope”/);
  });

  it("bad API key, on JSON-2 and on JSON-RPC, and a key of another user", async () => {
    const wrong = "0".repeat(40);
    await expectProblem(v19.id, { apiKey: wrong }, "credentials", /refused the login “synco@example.com”/);
    await expectProblem(v17.id, { apiKey: wrong }, "credentials", /refused the login/);
    await expectProblem(
      v19.id,
      { login: "admin" },
      "credentials",
      /belongs to the Odoo user “synco@example.com”, not “admin”/,
    );
  });

  it("missing rights: names each one", async () => {
    for (const [store, conn] of [
      [v19, c19],
      [v17, c17],
    ] as const) {
      const { apiKey } = await createSandboxOdooUser({
        databaseName: conn.database,
        login: "reader@example.com",
        groups: ["base.group_partner_manager"],
      });
      const result = await expectProblem(
        store.id,
        { login: "reader@example.com", apiKey },
        "rights",
        /“reader@example.com” may not .*create Products \(product\.template\).*write Invoices \(account\.move\)/,
      );
      expect(result.user.login).toBe("reader@example.com");
      expect(result.rights.find((r: { model: string }) => r.model === "res.partner").granted).toEqual({
        read: true,
        create: true,
        write: true,
      });
      expect(result.rights.find((r: { model: string }) => r.model === "sale.order").granted).toEqual({
        read: false,
        create: false,
        write: false,
      });
    }
  });

  it("a test of other values leaves the saved connection's last test alone", async () => {
    const res = await getConnection(owner, v19.id);
    expect(res.body.connection.lastTest).toBeNull();
  });
});

describe("changing and removing the connection", () => {
  it("saves (the key kept when left out), audits what changed without the key, removes once", async () => {
    const store = await addSandboxStore(admin);
    const other = await addSandboxStore(admin, 18);
    const target = (await getConnection(admin, other.id)).body.connection as TOdooConnectionView;
    const key = await apiKeyOf(other.id);
    // Point this store at the other store's Odoo: an agency's stores may each use any Odoo.
    const saved = await put(admin, store.id, {
      url: target.url,
      database: target.database,
      login: target.login,
      apiKey: key,
      protocol: "jsonrpc",
    });
    expect(saved.status).toBe(200);
    expect(saved.body.connection).toMatchObject({
      sandbox: false,
      url: target.url,
      protocol: "jsonrpc",
      apiKeySet: true,
    });
    expect(JSON.stringify(saved.body)).not.toContain(key);
    expect((await test(admin, store.id)).body.result).toMatchObject({ ok: true, version: { major: 18 } });
    let audit = await auditRows(store.id);
    const updated = audit.filter((row) => row.action === "store.odoo_connection_updated");
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      actorEmail: admin.email,
      details: {
        created: false,
        apiKeyReplaced: true,
        changes: { database: { to: target.database }, protocol: { from: "auto", to: "jsonrpc" } },
      },
    });
    expect(JSON.stringify(audit)).not.toContain(key);

    // The same values again: nothing changed, nothing audited; the key left out is kept.
    await put(admin, store.id, {
      url: target.url,
      database: target.database,
      login: target.login,
      protocol: "jsonrpc",
    });
    expect((await auditRows(store.id)).filter((row) => row.action === "store.odoo_connection_updated")).toHaveLength(1);
    expect(await apiKeyOf(store.id)).toBe(key);

    const removed = await remove(admin, store.id);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ connection: null, removed: true });
    const again = await remove(admin, store.id);
    expect(again.body).toEqual({ connection: null, removed: false });
    audit = await auditRows(store.id);
    expect(audit.filter((row) => row.action === "store.odoo_connection_removed")).toHaveLength(1);
    expect((await getConnection(member, store.id)).body.connection).toBeNull();

    // Without a connection: a key is required, and a test needs every value.
    const noKey = await put(admin, store.id, { url: target.url, database: target.database, login: target.login });
    expect(noKey.status).toBe(422);
    expect(noKey.body.error.field).toBe("apiKey");
    const partial = await test(admin, store.id, { url: target.url });
    expect(partial.status).toBe(422);
    expect(partial.body.error.field).toBe("database");
    // The other store's connection was never touched.
    expect((await test(admin, other.id)).body.result.ok).toBe(true);
  });
});
