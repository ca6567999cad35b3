// Contract tests of the sandbox Odoo, version by version: the requests real clients send get the
// answers ../shared/odoo/API-FACTS.md documents — success shapes, each error's name, code and
// status — through two published npm clients (odoo-await over XML-RPC, @fernandoslim/odoo-jsonrpc
// over /jsonrpc with an API key) and plain HTTP for JSON-2.
import OdooJSONRpc from "@fernandoslim/odoo-jsonrpc";
import Odoo from "odoo-await";
import { describe, expect, it } from "vitest";
import { createSandboxOdooUser } from "./create-sandbox-odoo-user";
import {
  executeKw,
  json2,
  jsonRpc,
  newDatabase,
  rootOf,
  startSandboxOdooForTests,
} from "./testing/sandbox-odoo-for-tests";

const baseUrl = startSandboxOdooForTests();

describe.each([16, 17, 18, 19] as const)("sandbox Odoo %i", (version) => {
  it("answers version_info, common.version and authenticate as Odoo does", async () => {
    const db = await newDatabase(version, { adminPassword: "s3cret-pass" });
    const root = rootOf(baseUrl(), db.name);
    const info = {
      server_version: `${version}.0`,
      server_version_info: [version, 0, 0, "final", 0, ""],
      server_serie: `${version}.0`,
      protocol_version: 1,
    };
    const response = await fetch(`${root}/web/webclient/version_info`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(await response.json()).toEqual({ jsonrpc: "2.0", id: null, result: info });
    expect((await jsonRpc(root, "common", "version", [])).body.result).toEqual(info);
    expect((await jsonRpc(root, "common", "authenticate", [db.name, "admin", db.apiKey, {}])).body.result).toBe(2);
    expect((await jsonRpc(root, "common", "authenticate", [db.name, "admin", "s3cret-pass", {}])).body.result).toBe(2);
    expect((await jsonRpc(root, "common", "authenticate", [db.name, "admin", "wrong", {}])).body.result).toBe(false);
    expect((await fetch(`${root}/web/version`)).status).toBe(version >= 19 ? 200 : 404);
    const json2Route = await fetch(`${root}/json/2/res.partner/search`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(json2Route.status).toBe(version >= 19 ? 401 : 404);
  });

  it("serves odoo-await (XML-RPC) with Odoo's fault codes", async () => {
    const db = await newDatabase(version);
    const port = Number(new URL(baseUrl()).port);
    const odoo = new Odoo({ baseUrl: "http://127.0.0.1", port, db: db.name, username: "admin", password: db.apiKey });
    expect(await odoo.connect()).toBe(2);
    const id = await odoo.create("res.partner", { name: "Azure Interior", email: "azure@example.com" });
    expect(typeof id).toBe("number");
    expect(await odoo.searchRead("res.partner", [["email", "=", "azure@example.com"]], ["name", "email"])).toEqual([
      { id, name: "Azure Interior", email: "azure@example.com" },
    ]);
    expect(await odoo.update("res.partner", id, { phone: "555" })).toBe(true);
    expect(await odoo.delete("res.partner", id)).toBe(true);
    const missing = await odoo
      .update("res.partner", id, { phone: "1" })
      .catch((e: { faultCode: number; faultString: string }) => e);
    expect(missing).toMatchObject({ faultCode: 2 });
    const privateCall = await odoo
      .execute_kw("sale.order", "_create_invoices", [[[1]]])
      .catch((e: { faultCode: number }) => e);
    expect(privateCall).toMatchObject({ faultCode: 4 });
    const badKey = new Odoo({ baseUrl: "http://127.0.0.1", port, db: db.name, username: "admin", password: "x" });
    (badKey as unknown as { uid: number }).uid = 2;
    expect(await badKey.searchRead("res.partner", [], ["name"]).catch((e: { faultCode: number }) => e)).toMatchObject({
      faultCode: 3,
      faultString: "Access Denied",
    });
    const invalid = await odoo
      .create("res.partner", { nope: 1 })
      .catch((e: { faultCode: number; faultString: string }) => e);
    expect(invalid).toMatchObject({ faultCode: 1 });
    expect((invalid as { faultString: string }).faultString).toContain(
      "ValueError: Invalid field 'nope' on model 'res.partner'",
    );
  });

  it("serves @fernandoslim/odoo-jsonrpc (API key over /jsonrpc)", async () => {
    const db = await newDatabase(version);
    const port = Number(new URL(baseUrl()).port);
    const client = new OdooJSONRpc({
      baseUrl: "http://127.0.0.1",
      port,
      db: db.name,
      username: "admin",
      apiKey: db.apiKey,
    });
    await client.connect();
    const id = await client.create("res.partner", { name: "Gemini Furniture" });
    expect(typeof id).toBe("number");
    expect(await client.read("res.partner", [id], ["name"])).toEqual([{ id, name: "Gemini Furniture" }]);
    expect(await client.searchRead("res.partner", [["id", "=", id]], ["name"])).toEqual([
      { id, name: "Gemini Furniture" },
    ]);
  });

  it("reports each error in the JSON-RPC envelope with its name", async () => {
    const db = await newDatabase(version);
    const root = rootOf(baseUrl(), db.name);
    const call = executeKw(root, db);
    const code = version >= 19 ? 0 : 200;
    const errorOf = async (p: ReturnType<typeof call>) => (await p).body.error!;
    const denied = await jsonRpc(root, "object", "execute_kw", [db.name, 2, "bad-key", "res.partner", "search", [[]]]);
    expect(denied.status).toBe(200);
    expect(denied.body.error).toMatchObject({
      code,
      message: "Odoo Server Error",
      data: { name: "odoo.exceptions.AccessDenied", message: "Access Denied" },
    });
    expect(Object.keys(denied.body.error!.data)).toEqual(["name", "debug", "message", "arguments", "context"]);
    expect((await errorOf(call("no.model", "search", [[]]))).data).toMatchObject({
      name: "odoo.exceptions.UserError",
      message: "Object no.model doesn't exist",
    });
    expect((await errorOf(call("res.partner", "frobnicate", [[]]))).data.name).toBe("builtins.AttributeError");
    expect((await errorOf(call("sale.order", "_create_invoices", [[1]]))).data).toMatchObject({
      name: "odoo.exceptions.AccessError",
      message:
        version >= 19
          ? "Private methods (such as 'sale.order._create_invoices') cannot be called remotely."
          : "Private methods (such as _create_invoices) cannot be called remotely.",
    });
    expect((await errorOf(call("res.partner", "write", [[424242], { name: "x" }]))).data.name).toBe(
      "odoo.exceptions.MissingError",
    );
    expect((await errorOf(call("res.partner", "create", [{ email: "nameless@example.com" }]))).data).toMatchObject({
      name: "odoo.exceptions.ValidationError",
      message: "Contacts require a name",
    });
    const required = await errorOf(call("product.template", "create", [{ list_price: 2 }]));
    expect(required.data.message).toContain("- Create/update: a mandatory field is not set.");
    expect(required.data.message).toContain("Field: Name (name)");
    const barcode = await errorOf(
      call("product.product", "create", [
        [
          { name: "A", barcode: "999" },
          { name: "B", barcode: "999" },
        ],
      ]),
    );
    expect(barcode.data.name).toBe("odoo.exceptions.ValidationError");
    expect(barcode.data.message).toContain(
      version === 16 ? "A barcode can only be assigned to one product !" : "Barcode(s) already assigned:",
    );
    expect((await errorOf(call("res.partner", "search", [[["bogus", "=", 1]]]))).data.name).toBe("builtins.ValueError");
    expect((await errorOf(call("res.partner", "search", [[]], { bogus: 1 }))).data).toMatchObject({
      name: "builtins.TypeError",
      message: "search() got an unexpected keyword argument 'bogus'",
    });
    const clerk = await createSandboxOdooUser({
      databaseName: db.name,
      login: "clerk",
      groups: ["sales_team.group_sale_salesman"],
    });
    const asClerk = executeKw(root, { name: db.name, apiKey: clerk.apiKey, uid: clerk.uid });
    const acl = await errorOf(asClerk("product.template", "create", [{ name: "x" }]));
    expect(acl.data.name).toBe("odoo.exceptions.AccessError");
    expect(acl.data.message).toContain("You are not allowed to create 'Product' (product.template) records.");
    const badJson = await fetch(`${root}/jsonrpc`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect([badJson.status, await badJson.text()]).toEqual([400, "Invalid JSON data"]);
  });

  it("has each version's fields and methods", async () => {
    const db = await newDatabase(version);
    const call = executeKw(rootOf(baseUrl(), db.name), db);
    const product = ((await call("product.template", "fields_get", [], { attributes: ["type"] })).body.result ??
      {}) as Record<string, unknown>;
    expect("detailed_type" in product).toBe(version <= 17);
    expect("is_storable" in product).toBe(version >= 18);
    const line = (await call("sale.order.line", "fields_get", [], { attributes: ["type"] })).body.result as Record<
      string,
      unknown
    >;
    expect(Object.keys(line)).toContain(version >= 19 ? "product_uom_id" : "product_uom");
    expect(Object.keys(line)).toContain(version >= 19 ? "tax_ids" : "tax_id");
    const order = (await call("sale.order", "fields_get", [], { attributes: ["selection"] })).body.result as Record<
      string,
      { selection?: [string, string][] }
    >;
    expect("locked" in order).toBe(version >= 17);
    expect(order.state!.selection!.some(([key]) => key === "done")).toBe(version === 16);
    const partner = (await call("res.partner", "fields_get", [], { attributes: ["type"] })).body.result as Record<
      string,
      unknown
    >;
    expect("mobile" in partner).toBe(version <= 18);
    const searched = await call("res.partner", "name_search", [], {
      name: "Admin",
      [version >= 19 ? "domain" : "args"]: [],
    });
    expect(searched.body.result).toEqual([[3, "Administrator"]]);
    expect((await call("res.partner", "name_get", [[3]])).body.error === undefined).toBe(version <= 17);
    const storable = version <= 17 ? { detailed_type: "product" } : { type: "consu", is_storable: true };
    expect((await call("product.template", "create", [{ name: "Lamp", ...storable }])).body.error).toBeUndefined();
    const wrongType = await call("product.template", "create", [
      { name: "Lamp", ...(version <= 17 ? { is_storable: true } : { detailed_type: "product" }) },
    ]);
    expect(wrongType.body.error?.data.name).toBe("builtins.ValueError");
  });

  it("evaluates domains with &, |, ! and the usual operators, limit, offset and order", async () => {
    const db = await newDatabase(version);
    const call = executeKw(rootOf(baseUrl(), db.name), db);
    const made = (
      await call("res.partner", "create", [
        ["Ann", "Bob", "Cid", "Dee"].map((name, i) => ({
          name,
          email: `${name.toLowerCase()}@x.com`,
          customer_rank: i,
        })),
      ])
    ).body.result as number[];
    const names = async (domain: unknown[], kwargs: Record<string, unknown> = {}) =>
      (
        (await call("res.partner", "search_read", [domain], { fields: ["name"], order: "name", ...kwargs })).body
          .result as { name: string }[]
      ).map((r) => r.name);
    expect(await names(["|", ["name", "=", "Ann"], ["name", "ilike", "ob"]])).toEqual(["Ann", "Bob"]);
    expect(await names(["&", ["customer_rank", ">=", 1], "!", ["name", "in", ["Cid"]], ["id", "in", made]])).toEqual([
      "Bob",
      "Dee",
    ]);
    expect(await names([["id", "in", made]], { limit: 2, offset: 1, order: "name desc" })).toEqual(["Cid", "Bob"]);
    expect(
      await names([
        ["email", "=like", "%@x.com"],
        ["customer_rank", "!=", 0],
      ]),
    ).toEqual(["Bob", "Cid", "Dee"]);
    expect((await call("res.partner", "search_count", [[["id", "in", made]]], { limit: 3 })).body.result).toBe(3);
    const badOrder = await call("res.partner", "search", [[]], { order: "name; drop table" });
    expect(badOrder.body.error?.data.name).toBe("builtins.ValueError");
  });
});

describe("JSON-2 (Odoo 19) over plain HTTP", () => {
  it("answers the raw result and each documented error with its status", async () => {
    const db = await newDatabase(19);
    const root = rootOf(baseUrl(), db.name);
    const created = await json2(root, db.apiKey, "res.partner", "create", { vals_list: { name: "Deco Addict" } });
    expect([created.status, created.body]).toEqual([200, [expect.any(Number)]]);
    const found = await json2(root, db.apiKey, "res.partner", "search_read", {
      domain: [["name", "=", "Deco Addict"]],
      fields: ["name"],
      context: { lang: "en_US" },
    });
    expect(found.body).toEqual([{ id: created.body[0], name: "Deco Addict" }]);
    expect((await json2(root, db.apiKey, "res.users", "context_get", {})).body).toMatchObject({ uid: 2 });
    expect(
      (await json2(root, db.apiKey, "res.partner", "write", { ids: created.body, vals: { phone: "1" } })).body,
    ).toBe(true);

    const missingAuth = await json2(root, null, "res.partner", "search", { domain: [] });
    expect([
      missingAuth.status,
      missingAuth.headers.get("www-authenticate"),
      missingAuth.body.name,
      missingAuth.body.message,
    ]).toEqual([
      401,
      "bearer",
      "werkzeug.exceptions.Unauthorized",
      'User not authenticated, use the "Authorization" header',
    ]);
    expect(Object.keys(missingAuth.body)).toEqual(["name", "message", "arguments", "context", "debug"]);
    const cases: [unknown, string, string, unknown, number, string, string][] = [
      [
        db.apiKey.replace(/./, (first) => (first === "f" ? "e" : "f")),
        "res.partner",
        "search",
        { domain: [] },
        401,
        "werkzeug.exceptions.Unauthorized",
        "Invalid apikey",
      ],
      [
        db.apiKey,
        "res.partner",
        "search",
        "{nope",
        400,
        "werkzeug.exceptions.BadRequest",
        "could not parse the body as json: Expecting value: line 1 column 2 (char 1)",
      ],
      [
        db.apiKey,
        "res.partner",
        "search",
        "null",
        400,
        "werkzeug.exceptions.BadRequest",
        "could not parse the body, expecting a json object",
      ],
      [
        db.apiKey,
        "x.y",
        "search",
        { domain: [] },
        404,
        "werkzeug.exceptions.NotFound",
        "the model 'x.y' does not exist",
      ],
      [
        db.apiKey,
        "res.partner",
        "foo",
        {},
        404,
        "werkzeug.exceptions.NotFound",
        "The method 'res.partner.foo' does not exist",
      ],
      [
        db.apiKey,
        "sale.order",
        "_create_invoices",
        { ids: [1] },
        403,
        "odoo.exceptions.AccessError",
        "Private methods (such as 'sale.order._create_invoices') cannot be called remotely.",
      ],
      [
        db.apiKey,
        "res.partner",
        "search",
        {},
        422,
        "werkzeug.exceptions.UnprocessableEntity",
        "missing a required argument: 'domain'",
      ],
      [
        db.apiKey,
        "res.partner",
        "search",
        { domain: [], foo: 1 },
        422,
        "werkzeug.exceptions.UnprocessableEntity",
        "got an unexpected keyword argument 'foo'",
      ],
      [
        db.apiKey,
        "res.users",
        "create",
        { ids: [1], vals_list: [] },
        422,
        "werkzeug.exceptions.UnprocessableEntity",
        "cannot call res.users.create with ids",
      ],
      [
        db.apiKey,
        "res.partner",
        "write",
        { ids: [999999], vals: { name: "x" } },
        404,
        "odoo.exceptions.MissingError",
        "Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)",
      ],
      [
        db.apiKey,
        "res.partner",
        "create",
        { vals_list: [{ email: "x@y.z" }] },
        422,
        "odoo.exceptions.ValidationError",
        "Contacts require a name",
      ],
      [
        db.apiKey,
        "res.users",
        "search",
        { domain: [["bad field", "=", "foo"]] },
        500,
        "builtins.ValueError",
        "Invalid field res.users.bad field in condition ('bad field', '=', 'foo')",
      ],
    ];
    for (const [key, model, method, body, status, name, message] of cases) {
      const answer = await json2(root, key as string, model, method, body);
      expect([answer.status, answer.body.name, answer.body.message]).toEqual([status, name, message]);
    }
    const clerk = await createSandboxOdooUser({ databaseName: db.name, login: "viewer", groups: [] });
    const acl = await json2(root, clerk.apiKey, "res.partner", "create", { vals_list: [{ name: "x" }] });
    expect([acl.status, acl.body.name]).toEqual([403, "odoo.exceptions.AccessError"]);
    const wrongType = await fetch(`${root}/json/2/res.partner/search`, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `bearer ${db.apiKey}` },
      body: "{}",
    });
    expect([wrongType.status, wrongType.headers.get("content-type")]).toEqual([415, "text/html; charset=utf-8"]);
    const version = await fetch(`${root}/web/version`);
    expect(await version.json()).toEqual({ version_info: [19, 0, 0, "final", 0, ""], version: "19.0" });
  });
});
