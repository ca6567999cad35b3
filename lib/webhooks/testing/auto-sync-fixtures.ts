// Test fixtures for automatic sync: the setting through its route, a customer no sync has touched,
// its update delivered as Shopify would (to this process's route, or to another app process over
// HTTP), and what the store's sync runs, mappings and owed automatic syncs then hold.
import { createHmac, randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import * as autoSyncRoute from "@/app/api/stores/[storeId]/auto-sync/route";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { odooSyncRequests, owedAutoSyncs } from "@/db/schema/odoo-sync";
import { operationRuns } from "@/db/schema/operations";
import { shopifyIndexItems } from "@/db/schema/shopify-index";
import { lockStoreRuns } from "@/lib/jobs/enqueue-run";
import { odooDatabaseOf } from "@/lib/odoo-sync/testing/odoo-sync-fixtures";
import type { TStoreView } from "@/lib/stores/schemas";
import { storeCredentials } from "@/lib/stores/store-credentials";
import { storeRow } from "@/lib/stores/testing/store-helpers";
import { deliverWebhook } from "@/lib/sync/testing/sync-helpers";
import type { TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";

export const setAutoSync = (user: TestUser, store: TStoreView, enabled: unknown) =>
  call(autoSyncRoute.PUT, "PUT", "/x", { cookie: user.cookie, params: { storeId: store.id }, body: { enabled } });

/**
 * A customer never synced and unknown to the store's Odoo: the sandbox Odoo also holds partners for
 * customers of synced orders who are not synced themselves, and a sync would re-link those.
 */
export async function notSyncedCustomer(storeId: string) {
  const odoo = await odooDatabaseOf(storeId);
  const [row] = await db
    .select()
    .from(shopifyIndexItems)
    .where(
      and(
        eq(shopifyIndexItems.storeId, storeId),
        eq(shopifyIndexItems.resourceType, "customer"),
        sql`${shopifyIndexItems.syncStatus} is null`,
        sql`${shopifyIndexItems.email} is not null`,
        sql`not exists (select 1 from sandbox_odoo_records r where r.database_id = ${odoo.id}
          and r.model = 'res.partner' and lower(r.vals->>'email') = lower(${shopifyIndexItems.email}))`,
        sql`not exists (select 1 from odoo_sync_queue q where q.store_id = ${storeId}
          and q.resource_type = 'customer' and q.shopify_id = ${shopifyIndexItems.shopifyId})`,
      ),
    )
    .limit(1);
  return row!;
}

/**
 * A customers/update delivery signed with the store's secret; `to` an app process's URL sends it
 * there over HTTP (its answer, or null when the process died before answering).
 */
export async function customerUpdated(
  store: TStoreView,
  customer: { shopifyId: number; email: string | null },
  { webhookId = randomUUID(), to }: { webhookId?: string; to?: string } = {},
): Promise<{ status: number; outcome: string } | null> {
  const secret = storeCredentials(await storeRow(store.id))!.apiSecret!;
  const body = {
    id: customer.shopifyId,
    admin_graphql_api_id: `gid://shopify/Customer/${customer.shopifyId}`,
    email: customer.email,
    first_name: "Auto",
    last_name: "Sync",
    updated_at: new Date().toISOString(),
  };
  const shop = { store, shopId: 0, accessToken: "", webhookSecret: secret };
  if (!to) return deliverWebhook({ shop, topic: "customers/update", webhookId, body });
  const raw = JSON.stringify(body);
  const res = await fetch(`${to}/api/webhooks/shopify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "customers/update",
      "x-shopify-shop-domain": store.shopDomain,
      "x-shopify-webhook-id": webhookId,
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(raw).digest("base64"),
    },
    body: raw,
  }).catch(() => null);
  return res && { status: res.status, outcome: ((await res.json()) as { outcome: string }).outcome };
}

export const syncRuns = (storeId: string) =>
  db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.storeId, storeId), eq(operationRuns.kind, "sync")));

export const mappingOf = async (storeId: string, shopifyId: number) =>
  (
    await db
      .select()
      .from(syncMappings)
      .where(
        and(
          eq(syncMappings.storeId, storeId),
          eq(syncMappings.resourceType, "customer"),
          eq(syncMappings.shopifyId, shopifyId),
        ),
      )
  )[0];

export const owedOf = (webhookIds: string[]) =>
  db.select().from(owedAutoSyncs).where(inArray(owedAutoSyncs.webhookId, webhookIds));

export const syncRequestsOf = (webhookIds: string[]) =>
  db
    .select()
    .from(odooSyncRequests)
    .where(
      inArray(
        odooSyncRequests.idempotencyKey,
        webhookIds.map((id) => `webhook:${id}`),
      ),
    );

/**
 * Holds the run locks of these stores (what a sync request takes first) until the returned
 * function releases them: a delivery's post-commit request, or a sweep's, waits there.
 */
export async function holdRunLocks(storeIds: string[]): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const held = new Promise<void>((resolve) => (locked = resolve));
  const done = db.transaction(async (tx) => {
    for (const storeId of [...storeIds].sort()) await lockStoreRuns(tx, storeId);
    locked();
    await released;
  });
  await Promise.race([held, done]);
  return async () => {
    release();
    await done;
  };
}

/** Sessions (of any process) waiting for this store's run lock. */
export async function runLockWaiters(storeId: string): Promise<number> {
  const { rows } = await db.execute<{ waiting: number }>(sql`
    select count(*)::int as waiting from pg_locks
    where locktype = 'advisory' and not granted and objsubid = 1
      and ((classid::bigint << 32) | objid::bigint) = hashtextextended(${`synco:store-runs:${storeId}`}, 0)`);
  return rows[0]!.waiting;
}
