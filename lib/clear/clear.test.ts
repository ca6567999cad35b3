// Clear Synco Data end to end: through the start route, the clear's job against the sandbox over
// HTTP and a real PostgreSQL. A clear deletes exactly the cleared keys on the cleared types (every
// namespace used, the legacy keys), every mapping row of those types, and nothing else.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as clearsRoute from "@/app/api/stores/[storeId]/clears/route";
import * as settingsRoute from "@/app/api/stores/[storeId]/clear/settings/route";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import { db } from "@/db/client";
import { syncStatusCounts } from "@/db/schema/mappings";
import { setSandboxFaults } from "@/lib/sandbox/shopify/faults/set-sandbox-faults";
import { setSandboxShopLimits } from "@/lib/sandbox/shopify/set-sandbox-shop-limits";
import { auditRows, eventually } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import type { ShopStore } from "@/lib/sync/testing/sync-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { TClearSummary } from "./schemas";
import { clearNow, mappedShop, mappingsOf, metafieldsOf } from "./testing/clear-fixtures";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const SIZES = { products: 40, customers: 60, orders: 80 };
const CLEARED = ["synco.sync", "old_ns.sync", "custom.odoo_id", "custom.invoice_id"];
const KEPT = ["custom.color", "other_app.sync"];

export async function startClear(
  user: TestUser,
  shop: ShopStore,
  body: Record<string, unknown> = {},
  key: string = randomUUID(),
) {
  return call(clearsRoute.POST, "POST", `/api/stores/${shop.store.id}/clears`, {
    cookie: user.cookie,
    params: { storeId: shop.store.id },
    body: { confirmation: shop.store.shopDomain, ...body },
    headers: { "idempotency-key": key },
  });
}

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
