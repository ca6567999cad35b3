// The Odoo client against the sandbox Odoo of every version, over real HTTP: version detection,
// both protocols, each typed error, retries on injected faults, and no retry of what must not be.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSandboxOdooFaults } from "@/lib/sandbox/odoo/faults/database-faults";
import { createSandboxOdooUser } from "@/lib/sandbox/odoo/create-sandbox-odoo-user";
import { listSandboxOdooCalls } from "@/lib/sandbox/odoo/call-log";
import { newDatabase, rootOf, startSandboxOdooForTests } from "@/lib/sandbox/odoo/testing/sandbox-odoo-for-tests";
import { createOdooClient } from "./create-odoo-client";
import {
  OdooAccessDeniedError,
  OdooBadCredentialsError,
  OdooMissingRecordError,
  OdooNotFoundError,
  OdooTransientError,
  OdooValidationError,
} from "./errors";

const baseUrl = startSandboxOdooForTests();
// The standalone sandbox listens on 127.0.0.1, which the address guard refuses without the opt-in.
const optIn = process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS;
beforeAll(() => void (process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = "true"));
afterAll(() => {
  if (optIn === undefined) delete process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS;
  else process.env.SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS = optIn;
});
const fast = { backoff: { baseMs: 1, capMs: 5 }, timeoutMs: 2_000 };

describe.each([16, 17, 18, 19] as const)("Odoo client against Odoo %i", (version) => {
  it("detects the version and picks the protocol; forcing JSON-RPC works on every version", async () => {
    const db = await newDatabase(version);
    const client = createOdooClient({
      url: rootOf(baseUrl(), db.name),
      database: db.name,
      login: "admin",
      apiKey: db.apiKey,
      ...fast,
    });
    expect(await client.version()).toMatchObject({ major: version, minor: 0, serverVersion: `${version}.0` });
    expect(await client.protocol()).toBe(version >= 19 ? "json2" : "jsonrpc");
    expect(await client.uid()).toBe(2);
    const forced = createOdooClient({
      url: rootOf(baseUrl(), db.name),
      database: db.name,
      login: "admin",
      apiKey: db.apiKey,
      protocol: "jsonrpc",
      ...fast,
    });
    for (const c of [client, forced]) {
      const ids = await c.create(
        "res.partner",
        Array.from({ length: 250 }, (_, i) => ({ name: `P ${i}`, email: `p${i}@example.com` })),
      );
      expect(ids).toHaveLength(250);
      expect(new Set(ids).size).toBe(250);
      const rows = await c.read<{ id: number; email: string }>("res.partner", ids, ["email"]);
      expect(rows.map((r) => r.email)).toEqual(ids.map((_, i) => `p${i}@example.com`));
      expect(await c.searchCount("res.partner", [["email", "in", ["p1@example.com", "p2@example.com"]]])).toBe(2);
      await c.write("res.partner", [ids[0]!], { phone: "+1 555" });
      expect(await c.searchRead("res.partner", { domain: [["id", "=", ids[0]!]], fields: ["phone"] })).toEqual([
        { id: ids[0], phone: "+1 555" },
      ]);
      expect(await c.unlink("res.partner", ids)).toBe(true);
    }
  });

  it("raises one typed error per kind of refusal", async () => {
    const db = await newDatabase(version);
    const url = rootOf(baseUrl(), db.name);
    const client = createOdooClient({ url, database: db.name, login: "admin", apiKey: db.apiKey, ...fast });
    const wrongKey = createOdooClient({ url, database: db.name, login: "admin", apiKey: "0".repeat(40), ...fast });
    const error = await wrongKey.searchCount("res.partner", []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooBadCredentialsError);
    expect(String((error as Error).message)).not.toContain("0".repeat(40));

    await expect(
      client.create("product.product", [
        { name: "A", barcode: "123" },
        { name: "B", barcode: "123" },
      ]),
    ).rejects.toBeInstanceOf(OdooValidationError);
    await expect(client.create("product.template", [{ list_price: 3 }])).rejects.toBeInstanceOf(OdooValidationError);
    await expect(client.write("res.partner", [987654], { name: "gone" })).rejects.toBeInstanceOf(
      OdooMissingRecordError,
    );
    await expect(client.searchCount("no.such.model", [])).rejects.toMatchObject({ what: "model" });
    await expect(client.call("res.partner", "no_such_method")).rejects.toBeInstanceOf(OdooNotFoundError);
    await expect(client.call("sale.order", "_create_invoices", { ids: [1] })).rejects.toBeInstanceOf(
      OdooAccessDeniedError,
    );

    const clerk = await createSandboxOdooUser({ databaseName: db.name, login: "clerk", groups: [] });
    const limited = createOdooClient({ url, database: db.name, login: "clerk", apiKey: clerk.apiKey, ...fast });
    const denied = await limited.create("res.partner", [{ name: "x" }]).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(OdooAccessDeniedError);
    expect((denied as OdooAccessDeniedError).odooMessage).toContain(
      "You are not allowed to create 'Contact' (res.partner) records.",
    );

    const otherDb = createOdooClient({
      url: `${baseUrl()}`,
      database: "no_such_db",
      login: "admin",
      apiKey: db.apiKey,
      protocol: "jsonrpc",
      ...fast,
    });
    await expect(otherDb.uid()).rejects.toMatchObject({ what: "database" });
    if (version < 19) {
      const json2 = createOdooClient({
        url,
        database: db.name,
        login: "admin",
        apiKey: db.apiKey,
        protocol: "json2",
        ...fast,
      });
      await expect(json2.searchCount("res.partner", [])).rejects.toMatchObject({ what: "endpoint" });
    }
  });

  it("retries reads through 5xx, 429, dropped connections and concurrency errors", async () => {
    const db = await newDatabase(version);
    const client = createOdooClient({
      url: rootOf(baseUrl(), db.name),
      database: db.name,
      login: "admin",
      apiKey: db.apiKey,
      maxRetries: 10,
      ...fast,
    });
    await client.version();
    await client.uid();
    await setSandboxOdooFaults({
      databaseId: db.database.id,
      faults: {
        seed: version,
        serverErrorRate: 0.2,
        tooManyRequestsRate: 0.1,
        retryAfterSeconds: 0,
        resetRate: 0.1,
        concurrencyErrorRate: 0.1,
      },
    });
    for (let i = 0; i < 20; i++) expect(await client.searchCount("res.partner", [])).toBeGreaterThan(0);
    const calls = await listSandboxOdooCalls({ databaseId: db.database.id, limit: 1000 });
    expect(
      calls.filter((c) => c.error?.startsWith("fault:") || c.error?.includes("SerializationFailure")).length,
    ).toBeGreaterThan(5);
    await setSandboxOdooFaults({ databaseId: db.database.id, faults: null });
  });

  it("never retries a create Odoo may have applied, and retries one it certainly did not", async () => {
    const db = await newDatabase(version);
    const client = createOdooClient({
      url: rootOf(baseUrl(), db.name),
      database: db.name,
      login: "admin",
      apiKey: db.apiKey,
      maxRetries: 5,
      ...fast,
    });
    await client.uid();
    await client.version();
    await setSandboxOdooFaults({
      databaseId: db.database.id,
      faults: { serverErrorRate: 1, serverErrorStatuses: [502] },
    });
    const error = await client.create("res.partner", [{ name: "Once" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooTransientError);
    expect((error as OdooTransientError).attempts).toBe(1);
    expect((error as Error).message).toContain("not retried");
    await setSandboxOdooFaults({ databaseId: db.database.id, faults: { resetRate: 1 } });
    expect(await client.create("res.partner", [{ name: "Once" }]).catch((e: unknown) => e)).toMatchObject({
      attempts: 1,
    });
    await setSandboxOdooFaults({
      databaseId: db.database.id,
      faults: { tooManyRequestsRate: 1, retryAfterSeconds: 0 },
    });
    expect(await client.searchCount("res.partner", []).catch((e: unknown) => e)).toMatchObject({ attempts: 6 });
    await setSandboxOdooFaults({
      databaseId: db.database.id,
      faults: { seed: 3, tooManyRequestsRate: 0.5, retryAfterSeconds: 0 },
    });
    const [id] = await client.create("res.partner", [{ name: "Retried" }]);
    await setSandboxOdooFaults({ databaseId: db.database.id, faults: null });
    expect(await client.searchCount("res.partner", [["name", "=", "Retried"]])).toBe(1);
    expect(id).toBeGreaterThan(0);
  });

  it("times out a slow answer", async () => {
    const db = await newDatabase(version);
    const client = createOdooClient({
      url: rootOf(baseUrl(), db.name),
      database: db.name,
      login: "admin",
      apiKey: db.apiKey,
      timeoutMs: 100,
      maxRetries: 1,
      backoff: { baseMs: 1, capMs: 1 },
    });
    await client.version();
    await client.uid();
    await setSandboxOdooFaults({ databaseId: db.database.id, faults: { latencyMs: 400 } });
    const error = await client.searchCount("res.partner", []).catch((e: unknown) => e);
    await setSandboxOdooFaults({ databaseId: db.database.id, faults: null });
    expect(error).toBeInstanceOf(OdooTransientError);
    expect((error as Error).message).toContain("no answer within 100 ms");
  });
});
