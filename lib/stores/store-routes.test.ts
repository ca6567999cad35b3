// The store routes behind withStore: members read, admins change; the store's own organization
// decides (not the active one); unknown, malformed and foreign ids are 404; settings are
// validated like Shopify validates namespaces; disconnecting keeps the row and the audit log and
// removes the credentials, the Odoo connection included.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as activeRoute from "@/app/api/organizations/active/route";
import * as disconnectRoute from "@/app/api/stores/[storeId]/disconnect/route";
import * as reauthorizeRoute from "@/app/api/stores/[storeId]/reauthorize/route";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import * as storesRoute from "@/app/api/stores/route";
import { db } from "@/db/client";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { addSandboxStoreAs, auditRows, sandboxSubscriptions, storeRow } from "./testing/store-helpers";
import { serveTestAppForFile } from "./testing/test-app-server";

serveTestAppForFile();
let owner: TestUser;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  admin = await addMember(owner, "admin");
  member = await addMember(owner, "member");
});

const get = (user: TestUser, storeId: string) =>
  call(storeRoute.GET, "GET", "/x", { cookie: user.cookie, params: { storeId } });
const patch = (user: TestUser, storeId: string, body: unknown) =>
  call(storeRoute.PATCH, "PATCH", "/x", { cookie: user.cookie, params: { storeId }, body });
const disconnect = (user: TestUser, storeId: string) =>
  call(disconnectRoute.POST, "POST", "/x", { cookie: user.cookie, params: { storeId } });
const odooConnectionRows = (storeId: string) =>
  db.select().from(storeOdooConnections).where(eq(storeOdooConnections.storeId, storeId));

describe("store routes", () => {
  it("answers 404 for malformed and unknown ids", async () => {
    expect((await get(owner, "not-a-uuid")).status).toBe(404);
    expect((await get(owner, crypto.randomUUID())).status).toBe(404);
  });

  it("follows the store's own organization, not the session's active one (decision 2)", async () => {
    const agency = await signUp();
    await createOrg(agency, "First agency");
    const store = await addSandboxStoreAs(agency);
    const other = await createOrg(agency, "Second agency");
    await call(activeRoute.PUT, "PUT", "/x", { cookie: agency.cookie, body: { organizationId: other.id } });
    expect((await get(agency, store.id)).body.store.id).toBe(store.id);
    expect((await call(storesRoute.GET, "GET", "/x", { cookie: agency.cookie })).body.stores).toEqual([]);
  });

  it("updates name and metafield namespace for admins, audited; members get 403; bad input 422 naming the field", async () => {
    const store = await addSandboxStoreAs(admin);
    expect((await patch(member, store.id, { name: "Mine now" })).status).toBe(403);
    const bad = [
      [{ metafieldNamespace: "ab" }, "metafieldNamespace"],
      [{ metafieldNamespace: "has space" }, "metafieldNamespace"],
      [{ metafieldNamespace: "app--123" }, "metafieldNamespace"],
      [{ name: "" }, "name"],
    ] as const;
    for (const [body, field] of bad) {
      const res = await patch(admin, store.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.field).toBe(field);
    }
    const res = await patch(admin, store.id, { name: "Client A", metafieldNamespace: "synco_client_a" });
    expect(res.status).toBe(200);
    expect(res.body.store).toMatchObject({ name: "Client A", metafieldNamespace: "synco_client_a" });
    expect((await get(member, store.id)).body.store.name).toBe("Client A");
    const audit = await auditRows(store.id);
    expect(audit.at(-1)).toMatchObject({
      action: "store.settings_updated",
      actorEmail: admin.email,
      details: {
        changes: {
          name: { from: "Sandbox store (small)", to: "Client A" },
          metafieldNamespace: { from: "synco", to: "synco_client_a" },
        },
      },
    });
  });

  it("disconnects for admins: webhooks unsubscribed, credentials and Odoo connection gone, row and audit kept, idempotent", async () => {
    const store = await addSandboxStoreAs(owner);
    expect((await disconnect(member, store.id)).status).toBe(403);
    expect(await odooConnectionRows(store.id)).toHaveLength(1);
    expect((await sandboxSubscriptions(store.shopDomain)).length).toBe(10);
    const first = await disconnect(admin, store.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ store: { id: store.id, status: "disconnected" }, changed: true });
    const row = await storeRow(store.id);
    expect(row).toMatchObject({ status: "disconnected", credentialsCiphertext: null, credentialsKeyId: null });
    expect(await sandboxSubscriptions(store.shopDomain)).toEqual([]);
    // The Odoo API key is a credential too: it goes with the store's connection.
    expect(await odooConnectionRows(store.id)).toEqual([]);
    const again = await disconnect(admin, store.id);
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    expect((await auditRows(store.id)).map((entry) => entry.action).sort()).toEqual(
      ["store.connected", "store.disconnected", "store.odoo_connection_removed"].sort(),
    );
    expect((await get(member, store.id)).body.store.status).toBe("disconnected");
  });

  it("does not re-authorise sandbox stores through Shopify", async () => {
    const store = await addSandboxStoreAs(owner);
    const res = await call(reauthorizeRoute.POST, "POST", "/x", {
      cookie: admin.cookie,
      params: { storeId: store.id },
    });
    expect(res.status).toBe(409);
  });
});
