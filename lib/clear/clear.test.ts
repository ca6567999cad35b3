// Clear Synco Data end to end: through the start route, the clear's job against the sandbox over
// HTTP and a real PostgreSQL. A clear deletes exactly the cleared keys on the cleared types (every
// namespace used, the legacy keys), every mapping row of those types, and nothing else.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as previewRoute from "@/app/api/stores/[storeId]/clear/preview/route";
import * as cancelRoute from "@/app/api/stores/[storeId]/operations/[runId]/cancel/route";
import * as resumeRoute from "@/app/api/stores/[storeId]/operations/[runId]/resume/route";
import * as settingsRoute from "@/app/api/stores/[storeId]/clear/settings/route";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import { db } from "@/db/client";
import { syncStatusCounts } from "@/db/schema/mappings";
import { operationRuns } from "@/db/schema/operations";
import { refreshIndexNow } from "@/lib/operations/testing/run-now";
import { REQUIRED_SCOPES } from "@/lib/shopify/oauth/oauth-config";
import { setSandboxFaults } from "@/lib/sandbox/shopify/faults/set-sandbox-faults";
import { setSandboxShopLimits } from "@/lib/sandbox/shopify/set-sandbox-shop-limits";
import { auditRows, eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { TClearSummary } from "./schemas";
import { clearNow, mappedShop, mappingsOf, metafieldsOf, startClear } from "./testing/clear-fixtures";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const SIZES = { products: 40, customers: 60, orders: 80 };
const CLEARED = ["synco.sync", "old_ns.sync", "custom.odoo_id", "custom.invoice_id"];
const KEPT = ["custom.color", "other_app.sync"];

/** A store that used `old_ns` before `synco`, with legacy keys and other apps' metafields on every item. */
async function storeOfEveryKind(sizes = SIZES) {
  const shop = await mappedShop(owner, sizes, {
    extraKeys: ["old_ns.sync", "custom.odoo_id", "custom.invoice_id", ...KEPT],
  });
  // The namespace history is recorded as the setting changes.
  for (const metafieldNamespace of ["old_ns", "synco"])
    expect(
      (
        await call(storeRoute.PATCH, "PATCH", `/api/stores/${shop.store.id}`, {
          cookie: owner.cookie,
          params: { storeId: shop.store.id },
          body: { metafieldNamespace },
        })
      ).status,
    ).toBe(200);
  return shop;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe("a full clear", () => {
  it("by calls deletes every cleared key and mapping, and nothing else; the audit log holds every step", async () => {
    const shop = await storeOfEveryKind();
    const bystander = await mappedShop(owner, { products: 5, customers: 5, orders: 5 });
    const res = await startClear(owner, shop);
    expect(res.status).toBe(202);
    expect(res.body.run).toMatchObject({
      kind: "clear",
      status: "queued",
      scope: { types: ["product", "customer", "order"] },
    });
    const run = await clearNow(res.body.run.id);
    expect(run.status).toBe("succeeded");
    expect(run.strategy).toBe("paged");

    expect(await mappingsOf(shop.store.id)).toEqual({ product: 0, customer: 0, order: 0 });
    expect(await metafieldsOf(shop.shopId, CLEARED)).toEqual({ product: 0, customer: 0, order: 0 });
    expect(await metafieldsOf(shop.shopId, KEPT)).toEqual({ product: 80, customer: 120, order: 160 });
    expect(await mappingsOf(bystander.store.id)).toEqual({ product: 5, customer: 5, order: 5 });
    expect(total(await metafieldsOf(bystander.shopId, ["synco.sync"]))).toBe(15);

    // Counters exact through the triggers; the run counted each item once.
    const counts = await db.select().from(syncStatusCounts).where(eq(syncStatusCounts.storeId, shop.store.id));
    for (const row of counts) expect([row.mappingsSynced, row.mappingsFailed]).toEqual([0, 0]);
    expect(run.counters).toMatchObject({
      product: { planned: 40, done: 40, failed: 0 },
      customer: { planned: 60, done: 60, failed: 0 },
      order: { planned: 80, done: 80, failed: 0 },
      metafields: { done: 180 + 540, failed: 0 },
    });
    const summary = run.summary as TClearSummary;
    expect(summary).toMatchObject({ strategy: "paged", remaining: 0, odooUntouched: true, fellBackToPaged: false });
    expect(summary.types.order).toEqual({ metafieldsDeleted: 80 * 4, mappingsDeleted: 80, refused: 0 });

    const audit = (await auditRows(shop.store.id)).filter((row) => row.action.startsWith("clear."));
    expect(audit.map((row) => row.action)).toEqual([
      "clear.requested",
      "clear.started",
      ...Array<string>(6).fill("clear.phase"),
      "clear.finished",
    ]);
    // Synco's own metafields first, then the search finds the other namespace and the legacy keys.
    expect(audit.map((row) => (row.details as { phase?: string }).phase).filter(Boolean)).toEqual([
      "pausing",
      "delete_known",
      "discover",
      "delete_found",
      "verify",
      "database",
    ]);
    for (const row of audit)
      expect(row).toMatchObject({ actorEmail: owner.email, organizationId: shop.store.organizationId });
    expect(audit.at(-1)).toMatchObject({
      outcome: "succeeded",
      details: { mappingsDeleted: 180, metafieldsDeleted: 720 },
    });
  }, 120_000);
});

describe("strategies and scope", () => {
  it("in bulk clears only the types in scope, the other types keep their mappings and metafields", async () => {
    const shop = await storeOfEveryKind();
    await call(settingsRoute.PATCH, "PATCH", `/api/stores/${shop.store.id}/clear/settings`, {
      cookie: owner.cookie,
      params: { storeId: shop.store.id },
      body: { strategy: "bulk" },
    });
    const res = await startClear(owner, shop, { scope: ["order", "product"] });
    expect(res.status).toBe(202);
    const run = await clearNow(res.body.run.id);
    expect(run).toMatchObject({ status: "succeeded", strategy: "bulk" });
    expect(await mappingsOf(shop.store.id)).toEqual({ product: 0, customer: 60, order: 0 });
    expect(await metafieldsOf(shop.shopId, CLEARED)).toEqual({ product: 0, customer: 60 * 4, order: 0 });
    expect(await metafieldsOf(shop.shopId, KEPT)).toEqual({ product: 80, customer: 120, order: 160 });
    expect(run.summary).toMatchObject({ strategy: "bulk", fellBackToPaged: false, remaining: 0 });
    expect(run.counters).not.toHaveProperty("customer");
  }, 120_000);

  it("falls back to calls for what a failed bulk operation left undone", async () => {
    const shop = await mappedShop(owner, { products: 300, customers: 300, orders: 300 });
    await call(settingsRoute.PATCH, "PATCH", `/api/stores/${shop.store.id}/clear/settings`, {
      cookie: owner.cookie,
      params: { storeId: shop.store.id },
      body: { strategy: "bulk" },
    });
    // The bulk mutation fails after 2 of its 4 lines; the searches that follow run normally.
    await setSandboxFaults({ shopId: shop.shopId, faults: { bulkFailAfterObjects: 2, bulkChunkDelayMs: 0 } });
    const res = await startClear(owner, shop);
    const clearing = clearNow(res.body.run.id);
    await eventually(async () => {
      const [row] = await db.select().from(operationRuns).where(eq(operationRuns.id, res.body.run.id));
      return (row?.checkpoint as { bulkOperationId?: string } | null)?.bulkOperationId;
    });
    await setSandboxFaults({ shopId: shop.shopId, faults: {} });
    const run = await clearing;
    expect(run.status).toBe("succeeded");
    expect(run.summary).toMatchObject({ strategy: "bulk", fellBackToPaged: true, remaining: 0 });
    expect(await mappingsOf(shop.store.id)).toEqual({ product: 0, customer: 0, order: 0 });
    expect(await metafieldsOf(shop.shopId, ["synco.sync"])).toEqual({ product: 0, customer: 0, order: 0 });
    expect(run.counters.metafields).toEqual({ planned: 900, done: 900, failed: 0 });
  }, 120_000);

  it("sends 25 at a time to a shop that refuses 250, through throttling and a storm of 5xx answers", async () => {
    const shop = await mappedShop(owner, { products: 120, customers: 120, orders: 120 }, { throttleEnabled: true });
    await setSandboxShopLimits({ shopId: shop.shopId, metafieldsDeleteLimit: 25 });
    await setSandboxFaults({
      shopId: shop.shopId,
      faults: {
        seed: 7,
        serverErrorRate: 0.25,
        tooManyRequestsRate: 0.1,
        retryAfterSeconds: 0.2,
        throttleStormSeconds: 2,
      },
    });
    const res = await startClear(owner, shop);
    const run = await clearNow(res.body.run.id);
    await setSandboxFaults({ shopId: shop.shopId, faults: {} });
    expect(run.status).toBe("succeeded");
    expect(await mappingsOf(shop.store.id)).toEqual({ product: 0, customer: 0, order: 0 });
    expect(await metafieldsOf(shop.shopId, ["synco.sync"])).toEqual({ product: 0, customer: 0, order: 0 });
    expect(run.counters.metafields).toEqual({ planned: 360, done: 360, failed: 0 });
    // 360 metafields in calls of 25, after the one call of 250 the shop refused.
    expect((run.summary as TClearSummary).apiCalls).toBeGreaterThanOrEqual(1 + 360 / 25);
  }, 180_000);
});

describe("cancel and resume", () => {
  it("a cancelled clear stops at its next batch with what it did, and resumed finishes with exact counts", async () => {
    const shop = await mappedShop(owner, { products: 0, customers: 1_500, orders: 0 });
    await setSandboxShopLimits({ shopId: shop.shopId, metafieldsDeleteLimit: 25 });
    await setSandboxFaults({ shopId: shop.shopId, faults: { latencyMs: 40 } });
    const res = await startClear(owner, shop);
    const runId = res.body.run.id as string;
    const clearing = clearNow(runId);
    await eventually(async () => {
      const [row] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
      return (row?.counters.metafields?.done ?? 0) >= 100;
    });
    const cancelled = await call(cancelRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: shop.store.id, runId },
    });
    expect(cancelled.status).toBe(202);
    const stopped = await clearing;
    expect(stopped.status).toBe("cancelled");
    const doneAtCancel = stopped.counters.metafields!.done;
    expect(doneAtCancel).toBeGreaterThan(0);
    expect(doneAtCancel).toBeLessThan(1_500);
    expect(await metafieldsOf(shop.shopId, ["synco.sync"])).toMatchObject({ customer: 1_500 - doneAtCancel });

    await setSandboxFaults({ shopId: shop.shopId, faults: {} });
    const resumed = await call(resumeRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: shop.store.id, runId },
    });
    expect(resumed.status).toBe(202);
    const finished = await clearNow(runId);
    expect(finished).toMatchObject({ status: "succeeded", resumes: 1 });
    expect(finished.counters).toMatchObject({
      customer: { planned: 1_500, done: 1_500, failed: 0 },
      metafields: { planned: 1_500, done: 1_500, failed: 0 },
    });
    expect(await mappingsOf(shop.store.id)).toEqual({ product: 0, customer: 0, order: 0 });
    expect(await metafieldsOf(shop.shopId, ["synco.sync"])).toEqual({ product: 0, customer: 0, order: 0 });
    const actions = (await auditRows(shop.store.id)).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "operations.cancel_requested",
        "clear.cancelled",
        "operations.run_resumed",
        "clear.finished",
      ]),
    );
  }, 180_000);
});

describe("orders out of reach", () => {
  it("without read_all_orders, the preview and the run name the mapped orders older than 60 days", async () => {
    const shop = await mappedShop(owner, { products: 3, customers: 3, orders: 12 }, { scopes: [...REQUIRED_SCOPES] });
    await refreshIndexNow({ storeId: shop.store.id, organizationId: shop.store.organizationId });
    const preview = await call(previewRoute.GET, "GET", `/api/stores/${shop.store.id}/clear/preview`, {
      cookie: owner.cookie,
      params: { storeId: shop.store.id },
    });
    expect(preview.status).toBe(200);
    // The sandbox spreads seeded orders over the past year and, like Shopify, hides those older than
    // 60 days from this token: the index never sees them, so they are the undated ones.
    const { rows } = await db.execute<{ old: number }>(sql`
      select count(*)::int as old from sandbox_shopify_orders
      where shop_id = ${shop.shopId} and created_at < now() - interval '60 days'`);
    const old = rows[0]!.old;
    expect(old).toBeGreaterThan(0);
    expect(preview.body.preview.unreachableOrders).toMatchObject({
      count: 0,
      undated: old,
      missingScope: "read_all_orders",
    });
    expect(preview.body.preview.unreachableOrders.reason).toContain("read_all_orders");
    const res = await startClear(owner, shop);
    const run = await clearNow(res.body.run.id);
    expect(run.status).toBe("succeeded");
    expect((run.summary as TClearSummary).unreachableOrders).toMatchObject({ count: 0, undated: old });
    const finished = (await auditRows(shop.store.id)).find((row) => row.action === "clear.finished");
    expect(finished?.details).toMatchObject({ unreachableOrders: old });

    const withScope = await mappedShop(owner, { products: 1, customers: 1, orders: 4 });
    await refreshIndexNow({ storeId: withScope.store.id, organizationId: withScope.store.organizationId });
    const fine = await call(previewRoute.GET, "GET", `/api/stores/${withScope.store.id}/clear/preview`, {
      cookie: owner.cookie,
      params: { storeId: withScope.store.id },
    });
    expect(fine.body.preview.unreachableOrders).toBeNull();
  }, 120_000);
});
