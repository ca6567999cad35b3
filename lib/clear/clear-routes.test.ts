// The clear's routes refuse what they must before anything is deleted: a wrong confirmation, a
// member, a session signed in long ago without the password, another organization's store,
// malformed input. One clear per store at a time (a second is a 409 naming the first), the same
// Idempotency-Key returns the same run, and every refusal is in the audit log.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as previewRoute from "@/app/api/stores/[storeId]/clear/preview/route";
import * as settingsRoute from "@/app/api/stores/[storeId]/clear/settings/route";
import * as clearsRoute from "@/app/api/stores/[storeId]/clears/route";
import { db } from "@/db/client";
import { session } from "@/db/schema/auth";
import { operationRuns } from "@/db/schema/operations";
import { auditRows } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import type { ShopStore } from "@/lib/sync/testing/sync-helpers";
import { addMember, createOrg, PASSWORD, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { clearNow, mappedShop, mappingsOf, metafieldsOf } from "./testing/clear-fixtures";

serveTestAppForFile();
let owner: TestUser;
let shop: ShopStore;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  shop = await mappedShop(owner, { products: 4, customers: 5, orders: 6 });
});

const post = (
  user: TestUser,
  target: ShopStore,
  { body, raw, key = randomUUID() }: { body?: unknown; raw?: string; key?: string | null } = {},
) =>
  call(clearsRoute.POST, "POST", `/api/stores/${target.store.id}/clears`, {
    cookie: user.cookie,
    params: { storeId: target.store.id },
    body,
    raw,
    headers: {
      ...(key === null ? {} : { "idempotency-key": key }),
      ...(raw ? { "content-type": "application/json" } : {}),
    },
  });

const clearRuns = (storeId: string) =>
  db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.storeId, storeId), eq(operationRuns.kind, "clear")));

async function expectNothingDeleted(target: ShopStore = shop) {
  expect(await mappingsOf(target.store.id)).toEqual({ product: 4, customer: 5, order: 6 });
  expect(await metafieldsOf(target.shopId, ["synco.sync"])).toEqual({ product: 4, customer: 5, order: 6 });
}

describe("refused before anything is deleted", () => {
  it.each([
    ["malformed JSON", { raw: '{"confirmation": ' }, 400, undefined],
    ["no confirmation", { body: {} }, 422, "confirmation"],
    ["an empty scope", { body: { confirmation: "x", scope: [] } }, 422, "scope"],
    ["an unknown resource type", { body: { confirmation: "x", scope: ["invoice"] } }, 422, "scope.0"],
    ["a type named twice", { body: { confirmation: "x", scope: ["order", "order"] } }, 422, "scope"],
    ["a scope that is not a list", { body: { confirmation: "x", scope: "order" } }, 422, "scope"],
    ["no Idempotency-Key", { body: { confirmation: "x" }, key: null }, 422, "Idempotency-Key"],
  ] as const)("%s → %i", async (_case, input, status, field) => {
    const res = await post(owner, shop, input as Parameters<typeof post>[2]);
    expect(res.status).toBe(status);
    if (field) expect(res.body.error.field).toBe(field);
    expect(await clearRuns(shop.store.id)).toEqual([]);
    await expectNothingDeleted();
  });

  it("a confirmation that is not the shop's domain → 422 naming it, audited as refused", async () => {
    const res = await post(owner, shop, { body: { confirmation: "another-shop.myshopify.com" } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ field: "confirmation" });
    expect(res.body.error.message).toContain(shop.store.shopDomain);
    expect(await clearRuns(shop.store.id)).toEqual([]);
    const refused = (await auditRows(shop.store.id)).filter((row) => row.action === "clear.requested").at(-1);
    expect(refused).toMatchObject({ outcome: "failed", actorEmail: owner.email, details: { refused: "confirmation" } });
    await expectNothingDeleted();
  });

  it("a member → 403; another organization's owner → 404", async () => {
    const member = await addMember(owner, "member");
    const asMember = await post(member, shop, { body: { confirmation: shop.store.shopDomain } });
    expect(asMember.status).toBe(403);
    const stranger = await signUp();
    await createOrg(stranger);
    const foreign = await post(stranger, shop, { body: { confirmation: shop.store.shopDomain } });
    expect(foreign.status).toBe(404);
    const preview = await call(previewRoute.GET, "GET", "/x", {
      cookie: stranger.cookie,
      params: { storeId: shop.store.id },
    });
    expect(preview.status).toBe(404);
    // The member sees the preview, read-only.
    const seen = await call(previewRoute.GET, "GET", "/x", {
      cookie: member.cookie,
      params: { storeId: shop.store.id },
    });
    expect(seen.status).toBe(200);
    expect(seen.body.preview).toMatchObject({
      canStart: false,
      shopDomain: shop.store.shopDomain,
      strategy: "paged",
      odooUntouched: true,
      legacyKeys: ["custom.odoo_id", "custom.invoice_id"],
      namespaces: { current: "synco", previous: [] },
    });
    expect(seen.body.preview.types).toEqual([
      {
        type: "product",
        mappedItems: 4,
        knownMetafields: 4,
        keys: ["synco.sync", "custom.odoo_id", "custom.invoice_id"],
      },
      {
        type: "customer",
        mappedItems: 5,
        knownMetafields: 5,
        keys: ["synco.sync", "custom.odoo_id", "custom.invoice_id"],
      },
      {
        type: "order",
        mappedItems: 6,
        knownMetafields: 6,
        keys: ["synco.sync", "custom.odoo_id", "custom.invoice_id"],
      },
    ]);
    expect(await clearRuns(shop.store.id)).toEqual([]);
    await expectNothingDeleted();
  });

  it("a session signed in over 15 minutes ago needs the password: missing or wrong → 403, right → 202", async () => {
    const admin = await addMember(owner, "admin");
    await db
      .update(session)
      .set({ createdAt: sql`now() - interval '20 minutes'` })
      .where(eq(session.userId, admin.id));
    const target = await mappedShop(owner, { products: 4, customers: 5, orders: 6 });
    const preview = await call(previewRoute.GET, "GET", "/x", {
      cookie: admin.cookie,
      params: { storeId: target.store.id },
    });
    expect(preview.body.preview).toMatchObject({ passwordRequired: true, canStart: true });
    const confirmation = target.store.shopDomain;
    const missing = await post(admin, target, { body: { confirmation } });
    expect(missing.status).toBe(403);
    expect(missing.body.error).toMatchObject({ code: "reauthentication_required", field: "password" });
    const wrong = await post(admin, target, { body: { confirmation, password: "not-the-password" } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: "reauthentication_required", field: "password" });
    expect(await clearRuns(target.store.id)).toEqual([]);
    await expectNothingDeleted(target);
    const right = await post(admin, target, { body: { confirmation, password: PASSWORD } });
    expect(right.status).toBe(202);
    const refusals = (await auditRows(target.store.id))
      .filter((row) => row.action === "clear.requested")
      .map((row) => [row.outcome, (row.details as { refused?: string }).refused ?? null]);
    expect(refusals).toEqual([
      ["failed", "password_required"],
      ["failed", "password_wrong"],
      ["succeeded", null],
    ]);
    await clearNow(right.body.run.id);
  });
});

describe("one clear at a time, once per key", () => {
  it("two starts at once: one run and one 409 naming it; the same key again is the same run", async () => {
    const target = await mappedShop(owner, { products: 4, customers: 5, orders: 6 });
    const confirmation = target.store.shopDomain;
    const [a, b] = await Promise.all([
      post(owner, target, { body: { confirmation } }),
      post(owner, target, { body: { confirmation } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const accepted = a.status === 202 ? a : b;
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.details).toMatchObject({
      activeRunId: accepted.body.run.id,
      runId: accepted.body.run.id,
    });
    expect(await clearRuns(target.store.id)).toHaveLength(1);

    const key = randomUUID();
    const other = await mappedShop(owner, { products: 1, customers: 1, orders: 1 });
    const first = await post(owner, other, { body: { confirmation: other.store.shopDomain }, key });
    const again = await post(owner, other, { body: { confirmation: other.store.shopDomain }, key });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body).toMatchObject({ created: false, run: { id: first.body.run.id } });
    expect(first.body.created).toBe(true);
    await clearNow(first.body.run.id);
    // After it finished, the same key still names that run; nothing runs twice.
    const late = await post(owner, other, { body: { confirmation: other.store.shopDomain }, key });
    expect(late.body).toMatchObject({ created: false, run: { id: first.body.run.id, status: "succeeded" } });
    expect(await clearRuns(other.store.id)).toHaveLength(1);
    await clearNow(accepted.body.run.id);
  });
});

describe("clear settings", () => {
  const patch = (user: TestUser, body: unknown) =>
    call(settingsRoute.PATCH, "PATCH", "/x", { cookie: user.cookie, params: { storeId: shop.store.id }, body });

  it.each([
    [{ legacyKeys: ["no-dot"] }, "legacyKeys.0"],
    [{ legacyKeys: ["custom.odoo_id", "custom.odoo_id"] }, "legacyKeys"],
    [{ legacyKeys: "custom.odoo_id" }, "legacyKeys"],
    [{ strategy: "fast" }, "strategy"],
    [{}, undefined],
  ])("refuses %j with 422", async (body, field) => {
    const res = await patch(owner, body);
    expect(res.status).toBe(422);
    if (field) expect(res.body.error.field).toBe(field);
  });

  it("owners change the legacy keys and the strategy (audited); members may not", async () => {
    const member = await addMember(owner, "member");
    expect((await patch(member, { strategy: "bulk" })).status).toBe(403);
    const res = await patch(owner, { legacyKeys: ["custom.odoo_id", "legacy_app.synco_id"], strategy: "bulk" });
    expect(res.status).toBe(200);
    expect(res.body.settings).toEqual({
      namespace: "synco",
      previousNamespaces: [],
      legacyKeys: ["custom.odoo_id", "legacy_app.synco_id"],
      strategy: "bulk",
    });
    const row = (await auditRows(shop.store.id)).find((entry) => entry.action === "clear.settings_updated");
    expect(row?.details).toEqual({
      changes: {
        legacyKeys: { from: ["custom.odoo_id", "custom.invoice_id"], to: ["custom.odoo_id", "legacy_app.synco_id"] },
        strategy: { from: "auto", to: "bulk" },
      },
    });
    const read = await call(settingsRoute.GET, "GET", "/x", {
      cookie: member.cookie,
      params: { storeId: shop.store.id },
    });
    expect(read.body.settings.strategy).toBe("bulk");
    await patch(owner, { legacyKeys: ["custom.odoo_id", "custom.invoice_id"], strategy: "auto" });
  });
});
