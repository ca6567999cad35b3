// The sync's edges: who may ask and what a bad request is told; ambiguous matches and deleted
// records failing per item while the rest sync; bad Odoo credentials failing the run before
// anything is written; a sync asked for during a clear waiting for it; a cancelled sync taking its
// items out of the queue, but not those asked for after its cancel.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import * as cancelRoute from "@/app/api/stores/[storeId]/operations/[runId]/cancel/route";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { operationEvents, operationRuns } from "@/db/schema/operations";
import { syncMappings } from "@/db/schema/mappings";
import { clearNow, startClear } from "@/lib/clear/testing/clear-fixtures";
import { requestOdooSync } from "./request-odoo-sync";
import { sealOdooApiKey } from "@/lib/stores/odoo/odoo-connection-secret";
import { storeOdooClient } from "@/lib/stores/odoo/store-odoo-client";
import { storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { connectSeededShop } from "@/lib/sync/testing/sync-helpers";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { odooCounts, requestSync, sandboxStoreWithOdoo, syncNow, syncStates } from "./testing/odoo-sync-fixtures";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

const mappingOf = async (storeId: string, type: "customer" | "product" | "order", shopifyId: number) =>
  (
    await db
      .select()
      .from(syncMappings)
      .where(
        and(
          eq(syncMappings.storeId, storeId),
          eq(syncMappings.resourceType, type),
          eq(syncMappings.shopifyId, shopifyId),
        ),
      )
  )[0];

const notSynced = async (storeId: string, type: string, limit: number) =>
  (
    await db.execute<{ shopify_id: string; email: string | null; order_name: string | null }>(sql`
      select shopify_id, email, order_name from shopify_index_items
      where store_id = ${storeId} and resource_type = ${type} and sync_status is null order by shopify_id limit ${limit}`)
  ).rows.map((row) => ({ id: Number(row.shopify_id), email: row.email, orderName: row.order_name }));

describe("POST /api/stores/:storeId/odoo-sync", () => {
  it("is for owners and admins, names the field of a bad body, and answers the same run for the same key", async () => {
    const store = await sandboxStoreWithOdoo(owner, 19);
    const member = await addMember(owner, "member");
    expect((await requestSync(member, store, { scope: "store" })).status).toBe(403);
    const outsider = await signUp();
    await createOrg(outsider);
    expect((await requestSync(outsider, store, { scope: "store" })).status).toBe(404);

    const bad = async (body: unknown, field: string) => {
      const res = await requestSync(owner, store, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.field).toBe(field);
    };
    await bad({ scope: "everything" }, "scope");
    await bad({ scope: "not_synced", type: "invoices" }, "type");
    await bad({ scope: "selected", type: "orders", shopifyIds: [] }, "shopifyIds");
    await bad(
      { scope: "selected", type: "orders", shopifyIds: Array.from({ length: 251 }, (_, i) => i + 1) },
      "shopifyIds",
    );
    await bad({ scope: "selected", type: "orders", shopifyIds: ["gid://shopify/Product/1"] }, "shopifyIds.0");

    const key = randomUUID();
    const first = await requestSync(owner, store, { scope: "not_synced", type: "customers" }, key);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ created: true, run: { kind: "sync", status: "queued" } });
    expect(first.body.queued).toBeGreaterThan(0);
    const audited = await db.execute<{ details: Record<string, unknown> }>(
      sql`select details from audit_log where store_id = ${store.id} and action = 'sync.odoo_sync_requested'`,
    );
    expect(audited.rows.map((row) => row.details)).toEqual([
      { runId: first.body.run.id, scope: "not_synced", type: "customer", queued: first.body.queued, created: true },
    ]);
    const again = await requestSync(owner, store, { scope: "not_synced", type: "customers" }, key);
    expect(again.body).toMatchObject({ created: false, queued: first.body.queued, run: { id: first.body.run.id } });
    // Another request while the run is queued joins it.
    const more = await requestSync(owner, store, { scope: "not_synced", type: "orders" });
    expect(more.body).toMatchObject({ created: false, run: { id: first.body.run.id } });
    expect(more.body.run.counters.order.planned).toBe(more.body.queued);
  }, 60_000);

  it("from webhooks (no person): one item asked twice is queued once, in the same run, unaudited", async () => {
    const store = await sandboxStoreWithOdoo(owner, 19);
    const [customer] = await notSynced(store.id, "customer", 1);
    const ask = (key: string) =>
      requestOdooSync({
        storeId: store.id,
        organizationId: store.organizationId,
        actor: null,
        request: { scope: "selected", type: "customers", shopifyIds: [String(customer!.id)] },
        idempotencyKey: key,
      });
    const first = await ask("webhook:a");
    const second = await ask("webhook:b");
    expect(first).toMatchObject({ created: true, queued: 1, run: { trigger: "webhook", actor: null } });
    expect(second).toMatchObject({ created: false, queued: 0, run: { id: first.run.id } });
    expect(await ask("webhook:a")).toMatchObject({ created: false, queued: 1, run: { id: first.run.id } });
    const run = await syncNow(first.run.id);
    expect(run.counters.customer).toEqual({ planned: 1, done: 1, failed: 0 });
    const audited = await db.execute(
      sql`select 1 from audit_log where store_id = ${store.id} and action = 'sync.odoo_sync_requested'`,
    );
    expect(audited.rows).toHaveLength(0);
  }, 60_000);

  it("is a 409 for a store without an Odoo connection", async () => {
    const shop = await connectSeededShop(owner, { customers: 3 });
    const res = await requestSync(owner, shop.store, { scope: "store" });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/no Odoo connection/);
  });
});

describe("per-item failures", () => {
  it("an ambiguous email and a deleted record fail their items with Odoo's ids; the others sync", async () => {
    const store = await sandboxStoreWithOdoo(owner, 16);
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    const candidates = (await notSynced(store.id, "customer", 40)).filter((c) => c.email);
    const target = candidates[0];
    // One Odoo does not have yet: the sync creates its partner, which nothing else refers to.
    let other: (typeof candidates)[number] | undefined;
    for (const candidate of candidates.slice(1))
      if ((await odoo.searchCount("res.partner", [["email", "=ilike", candidate.email]])) === 0) {
        other = candidate;
        break;
      }
    const twins = await odoo.create("res.partner", [
      { name: "Twin one", email: target!.email },
      { name: "Twin two", email: target!.email!.toUpperCase() },
    ]);
    const res = await requestSync(owner, store, {
      scope: "selected",
      type: "customers",
      shopifyIds: [target!.id, other!.id],
    });
    const run = await syncNow(res.body.run.id);
    expect(run).toMatchObject({ status: "succeeded", counters: { customer: { done: 1, failed: 1 } } });
    const failed = await mappingOf(store.id, "customer", target!.id);
    expect(failed).toMatchObject({ status: "failed", odooId: null });
    expect(failed!.lastError).toContain(`res.partner ${twins[0]} and res.partner ${twins[1]}`);
    const synced = await mappingOf(store.id, "customer", other!.id);
    expect(synced).toMatchObject({ status: "synced", lastError: null });

    // The synced customer's partner deleted in Odoo: its next sync says so; the retry then re-creates it.
    await odoo.unlink("res.partner", [synced!.odooId!]);
    const again = await syncNow(
      (await requestSync(owner, store, { scope: "selected", type: "customers", shopifyIds: [other!.id] })).body.run.id,
    );
    expect(again.counters.customer).toMatchObject({ failed: 1 });
    expect((await mappingOf(store.id, "customer", other!.id))!.lastError).toContain(
      `(res.partner ${synced!.odooId}) was deleted`,
    );
    const retried = await syncNow(
      (await requestSync(owner, store, { scope: "failed", type: "customers" })).body.run.id,
    );
    // Every failed customer of the store is retried (the sandbox seeds a few): only the ambiguous one fails again.
    expect(retried.counters.customer!.failed).toBe(1);
    expect((await mappingOf(store.id, "customer", target!.id))!.status).toBe("failed");
    expect(await mappingOf(store.id, "customer", other!.id)).toMatchObject({ status: "synced" });
  }, 90_000);

  it("an order whose SKU is on two Odoo products fails naming both; the batch's other orders sync", async () => {
    const store = await sandboxStoreWithOdoo(owner, 19);
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    const orders = await notSynced(store.id, "order", 10);
    // A SKU of a product the first order holds, given to a second Odoo product.
    const shopifyOrder = await db.execute<{ sku: string }>(sql`
      select l.sku from sandbox_shopify_order_line_items l join sandbox_shopify_orders o on o.id = l.order_id
      where o.id = ${orders[0]!.id} and l.sku is not null limit 1`);
    const sku = shopifyOrder.rows[0]!.sku;
    const [existing] = await odoo.searchRead<{ id: number }>("product.product", {
      domain: [["default_code", "=", sku]],
      fields: ["id"],
    });
    const [template] = await odoo.create("product.template", [{ name: "Copy", default_code: sku, type: "consu" }]);
    const [copy] = await odoo.searchRead<{ id: number }>("product.product", {
      domain: [["product_tmpl_id", "=", template!]],
      fields: ["id"],
    });
    const res = await requestSync(owner, store, {
      scope: "selected",
      type: "orders",
      shopifyIds: orders.map((o) => o.id),
    });
    const run = await syncNow(res.body.run.id);
    expect(run.status).toBe("succeeded");
    const failed = await mappingOf(store.id, "order", orders[0]!.id);
    expect(failed!.status).toBe("failed");
    const ids = [existing?.id, copy!.id].filter(Boolean).sort((a, b) => a! - b!);
    expect(failed!.lastError).toContain(ids.map((id) => `product.product ${id}`).join(" and "));
    const states = await Promise.all(orders.slice(1).map((o) => mappingOf(store.id, "order", o.id)));
    expect(states.filter((m) => m?.status === "failed").every((m) => m!.lastError!.includes(sku))).toBe(true);
    expect(states.some((m) => m?.status === "synced" && m.odooInvoiceId)).toBe(true);
  }, 90_000);
});

describe("bad Odoo credentials", () => {
  it("fail the run clearly before anything is written; the items stay queued", async () => {
    const store = await sandboxStoreWithOdoo(owner, 17);
    await db
      .update(storeOdooConnections)
      .set(sealOdooApiKey(store.id, "f".repeat(40)))
      .where(eq(storeOdooConnections.storeId, store.id));
    const before = { odoo: await odooCounts(store), states: await syncStates(store.id) };
    const res = await requestSync(owner, store, { scope: "store" });
    const run = await syncNow(res.body.run.id, { final: false });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/Odoo refused the login or API key.*Nothing was synced/);
    const ended = await db.execute<{ outcome: string; actor_email: string; details: Record<string, unknown> }>(
      sql`select outcome, actor_email, details from audit_log where store_id = ${store.id} and action = 'sync.odoo_sync_ended'`,
    );
    expect(ended.rows).toEqual([
      expect.objectContaining({
        outcome: "failed",
        actor_email: owner.email,
        details: expect.objectContaining({ runId: run.id, status: "failed", error: run.error }),
      }),
    ]);
    expect(await odooCounts(store)).toEqual(before.odoo);
    expect(await syncStates(store.id)).toEqual(before.states);
  }, 60_000);
});

describe("a sync asked for during a clear", () => {
  it("is queued, waits for the clear to end, then runs", async () => {
    const store = await sandboxStoreWithOdoo(owner, 18);
    const clear = await startClear(owner, { store } as never, {});
    expect(clear.status).toBe(202);
    const res = await requestSync(owner, store, { scope: "not_synced", type: "customers" });
    expect(res.status).toBe(202);
    const syncing = syncNow(res.body.run.id);
    const waited = async () => {
      for (;;) {
        const events = await db.select().from(operationEvents).where(eq(operationEvents.runId, res.body.run.id));
        if (events.some((e) => e.type === "phase" && e.data.phase === "waiting_for_clear")) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await waited();
    const cleared = await clearNow(clear.body.run.id);
    expect(cleared.status).toBe("succeeded");
    const run = await syncing;
    expect(run.status).toBe("succeeded");
    expect(run.startedAt!.getTime()).toBeLessThan(cleared.finishedAt!.getTime());
    expect(run.counters.customer!.done).toBeGreaterThan(0);
  }, 90_000);
});

describe("a cancelled sync", () => {
  const queueOf = async (storeId: string) =>
    (
      await db.execute<{ resource_type: string; shopify_id: string }>(sql`
        select resource_type, shopify_id from odoo_sync_queue where store_id = ${storeId} order by resource_type, shopify_id`)
    ).rows.map((row) => `${row.resource_type} ${row.shopify_id}`);
  const cancel = (storeId: string, runId: string) =>
    call(cancelRoute.POST, "POST", "/x", { cookie: owner.cookie, params: { storeId, runId } });
  const activeSyncs = (storeId: string) =>
    db
      .select()
      .from(operationRuns)
      .where(
        and(
          eq(operationRuns.storeId, storeId),
          eq(operationRuns.kind, "sync"),
          inArray(operationRuns.status, ["queued", "running"]),
        ),
      );

  it("queued, leaves the queue with its items; the next sync takes only its own", async () => {
    const store = await sandboxStoreWithOdoo(owner, 19);
    const [a, b, c] = await notSynced(store.id, "customer", 3);
    const first = await requestSync(owner, store, { scope: "selected", type: "customers", shopifyIds: [a!.id, b!.id] });
    expect(first.status).toBe(202);
    expect(await queueOf(store.id)).toEqual([`customer ${a!.id}`, `customer ${b!.id}`]);
    const cancelled = await cancel(store.id, first.body.run.id);
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.run).toMatchObject({ status: "cancelled" });
    expect(await queueOf(store.id)).toEqual([]);

    const later = await requestSync(owner, store, { scope: "selected", type: "customers", shopifyIds: [c!.id] });
    expect(later.body).toMatchObject({ created: true, queued: 1 });
    const run = await syncNow(later.body.run.id);
    expect(run).toMatchObject({ status: "succeeded", counters: { customer: { planned: 1, done: 1, failed: 0 } } });
    expect(await mappingOf(store.id, "customer", c!.id)).toMatchObject({ status: "synced" });
    expect(await mappingOf(store.id, "customer", a!.id)).toBeUndefined();
    expect(await mappingOf(store.id, "customer", b!.id)).toBeUndefined();
    expect(await queueOf(store.id)).toEqual([]);
  }, 60_000);

  it("running, drops what it was asked for; an item asked for after the cancel is synced by the next run", async () => {
    const store = await sandboxStoreWithOdoo(owner, 19);
    const [a, b, d] = await notSynced(store.id, "customer", 3);
    // A clear waiting keeps the sync running (waiting for it) until the cancel stops it.
    const clear = await startClear(owner, { store } as never, {});
    expect(clear.status).toBe(202);
    const res = await requestSync(owner, store, { scope: "selected", type: "customers", shopifyIds: [a!.id, b!.id] });
    const runId = res.body.run.id as string;
    const syncing = syncNow(runId);
    for (;;) {
      const events = await db.select().from(operationEvents).where(eq(operationEvents.runId, runId));
      if (events.some((e) => e.type === "phase" && e.data.phase === "waiting_for_clear")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cancelled = await cancel(store.id, runId);
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.run).toMatchObject({ status: "running", cancelRequested: true });
    // After the cancel: an automatic sync of an item the cancelled request had queued, and a new one.
    const again = await requestOdooSync({
      storeId: store.id,
      organizationId: store.organizationId,
      actor: null,
      request: { scope: "selected", type: "customers", shopifyIds: [String(b!.id), String(d!.id)] },
      idempotencyKey: `webhook:${randomUUID()}`,
    });
    expect(again.queued).toBe(1);
    const stopped = await syncing;
    expect(stopped.status).toBe("cancelled");
    expect(await queueOf(store.id)).toEqual([`customer ${b!.id}`, `customer ${d!.id}`].sort());
    const [next, ...others] = await activeSyncs(store.id);
    expect(others).toHaveLength(0);
    expect(next!.id).not.toBe(runId);

    expect((await cancel(store.id, clear.body.run.id)).status).toBe(202);
    const run = await syncNow(next!.id);
    expect(run).toMatchObject({ status: "succeeded", counters: { customer: { done: 2, failed: 0 } } });
    expect(await mappingOf(store.id, "customer", a!.id)).toBeUndefined();
    expect(await mappingOf(store.id, "customer", b!.id)).toMatchObject({ status: "synced" });
    expect(await mappingOf(store.id, "customer", d!.id)).toMatchObject({ status: "synced" });
    expect(await queueOf(store.id)).toEqual([]);
  }, 90_000);
});
