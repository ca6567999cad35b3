// The organization-wide audit log: filters, pages, the CSV export (same-site only, itself audited).
import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/organization/audit/export/route";
import * as auditRoute from "@/app/api/organization/audit/route";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import * as syncExportRoute from "@/app/api/stores/[storeId]/sync/export/route";
import { addMember, createOrg, signUp, uniqueEmail, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { addSandboxStoreAs } from "@/lib/stores/testing/store-helpers";

const log = (user: TestUser, query = "") =>
  call(auditRoute.GET, "GET", `/api/organization/audit${query}`, { cookie: user.cookie });

async function organizationWithTwoStores() {
  const owner = await signUp();
  await createOrg(owner);
  const admin = await addMember(owner, "admin");
  const first = await addSandboxStoreAs(owner);
  const second = await addSandboxStoreAs(admin);
  await call(storeRoute.PATCH, "PATCH", "/x", {
    cookie: admin.cookie,
    params: { storeId: second.id },
    body: { name: "Renamed by admin" },
  });
  await call(invitationsRoute.POST, "POST", "/x", {
    cookie: owner.cookie,
    body: { email: uniqueEmail(), role: "member" },
  });
  return { owner, admin, first, second };
}

describe("organization audit log", () => {
  it("lists every store's entries with the store named, and filters by store, action, group and actor", async () => {
    const { owner, admin, first, second } = await organizationWithTwoStores();
    const all = await log(owner);
    expect(all.status).toBe(200);
    const stores = all.body.entries.filter((entry: { storeId: string | null }) => entry.storeId);
    expect(new Set(stores.map((entry: { storeId: string }) => entry.storeId))).toEqual(new Set([first.id, second.id]));
    expect(
      all.body.entries.find((entry: { action: string }) => entry.action === "store.settings_updated").store,
    ).toEqual({
      id: second.id,
      name: "Renamed by admin",
      shopDomain: second.shopDomain,
    });

    const ofSecond = await log(owner, `?storeId=${second.id}`);
    expect(ofSecond.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      "store.settings_updated",
      "store.connected",
    ]);
    const connected = await log(owner, "?action=store.connected");
    expect(connected.body.entries).toHaveLength(2);
    const storeGroup = await log(owner, "?action=store");
    expect(storeGroup.body.entries).toHaveLength(3);
    const byAdmin = await log(owner, `?actor=${encodeURIComponent(admin.email.slice(0, 8).toUpperCase())}`);
    expect(new Set(byAdmin.body.entries.map((entry: { actorEmail: string }) => entry.actorEmail))).toEqual(
      new Set([admin.email]),
    );
    // Empty fields (a form's "any") filter nothing.
    const blank = await log(owner, "?storeId=&action=&actor=&from=&to=");
    expect(blank.body.entries).toHaveLength(all.body.entries.length);
    // A wildcard typed as the actor is a character, not a pattern.
    expect((await log(owner, "?actor=%25")).body.entries).toHaveLength(0);
  });

  it("filters by time, pages through a filter, and names the field of a bad query", async () => {
    const { owner } = await organizationWithTwoStores();
    const all = (await log(owner)).body.entries as { id: number; at: string }[];
    const middle = all[2]!;
    const newer = await log(owner, `?from=${encodeURIComponent(middle.at)}`);
    expect(newer.body.entries.every((entry: { at: string }) => entry.at >= middle.at)).toBe(true);
    const older = await log(owner, `?to=${encodeURIComponent(middle.at)}`);
    expect(older.body.entries.every((entry: { at: string }) => entry.at < middle.at)).toBe(true);
    expect(newer.body.entries.length + older.body.entries.length).toBe(all.length);

    const first = await log(owner, "?action=store&limit=2");
    expect(first.body.entries).toHaveLength(2);
    const second = await log(owner, `?action=store&limit=2&before=${first.body.nextBefore}`);
    expect(second.body.entries).toHaveLength(1);
    expect(second.body.nextBefore).toBeNull();

    const bad = async (query: string, field: string, message: RegExp) => {
      const res = await log(owner, query);
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(message);
    };
    await bad("?from=yesterday", "from", /from must be a date and time/);
    await bad("?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z", "from", /from must be before to/);
    await bad("?action=DROP%20TABLE", "action", /action must be an audit action/);
  });

  it("never shows another organization's entries, even given its store's id", async () => {
    const { first } = await organizationWithTwoStores();
    const stranger = await signUp();
    await createOrg(stranger);
    const res = await log(stranger, `?storeId=${first.id}`);
    expect(res.status).toBe(200);
    expect(res.body.entries).toEqual([]);
  });

  it("exports the filtered log as CSV in words, records the export, and is for admins only", async () => {
    const { owner, second } = await organizationWithTwoStores();
    const member = await addMember(owner, "member");
    const path = `/api/organization/audit/export?storeId=${second.id}`;
    expect((await call(exportRoute.GET, "GET", path, { cookie: member.cookie })).status).toBe(403);

    const res = await call(exportRoute.GET, "GET", path, {
      cookie: owner.cookie,
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="synco-audit-log-[\d-]+\.csv"$/);
    const lines = (res.body as string).trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,store,shop_domain,actor,action,action_name,what_happened,outcome,ip,user_agent");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`Renamed by admin,${second.shopDomain},`);
    expect(lines[1]).toContain(",store.settings_updated,Store settings changed,");
    expect(lines[2]).toContain(",store.connected,Store connected,Added a small sandbox store");

    const recorded = (await log(owner, "?action=audit.exported")).body.entries;
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      actorEmail: owner.email,
      details: { format: "csv", filters: { store: { id: second.id, shopDomain: second.shopDomain } } },
    });
    expect(recorded[0].storeId).toBeNull();
  });

  it("refuses an export started by another site, and records nothing", async () => {
    const { owner, first } = await organizationWithTwoStores();
    const attempts: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }];
    for (const headers of attempts) {
      const res = await call(exportRoute.GET, "GET", "/api/organization/audit/export", {
        cookie: owner.cookie,
        headers,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe("Cross-site request refused");
      const mapping = await call(syncExportRoute.GET, "GET", "/x?format=csv", {
        cookie: owner.cookie,
        params: { storeId: first.id },
        headers,
      });
      expect(mapping.status).toBe(403);
    }
    const exports = (await log(owner, "?action=audit.exported")).body.entries;
    const mappingExports = (await log(owner, "?action=sync.mappings_exported")).body.entries;
    expect([...exports, ...mappingExports]).toEqual([]);
  });
});
