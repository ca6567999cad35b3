// Test fixtures for Clear Synco Data: a connected store on its own sandbox shop whose items are
// mapped and mirrored (mapping rows, and the `sync` metafield in Shopify — written straight into
// the sandbox's tables, as seeding does, so large stores are quick to set up), metafields of
// earlier installs and of other apps, and what is left afterwards.
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import * as clearsRoute from "@/app/api/stores/[storeId]/clears/route";
import { db } from "@/db/client";
import { call } from "@/lib/testing/http";
import { sandboxShopifyMetafields } from "@/db/schema";
import { syncMappings } from "@/db/schema/mappings";
import { getBoss } from "@/lib/jobs/boss";
import { connectSeededShop, sandboxIds, type ShopStore } from "@/lib/sync/testing/sync-helpers";
import type { TestUser } from "@/lib/testing/accounts";
import { REQUIRED_SCOPES } from "@/lib/shopify/oauth/oauth-config";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { runClearJob } from "../run-clear-job";
import { operationRuns } from "@/db/schema/operations";

export const OWNER_TYPE: Record<ResourceType, string> = { product: "PRODUCT", customer: "CUSTOMER", order: "ORDER" };
export const ALL_ORDERS_SCOPES = [...REQUIRED_SCOPES, "read_all_orders"];

export type Sizes = { products: number; customers: number; orders: number };

/** A store with every item of the shop mapped, its `sync` metafield in `namespace`, and `extraKeys` on each item too. */
export async function mappedShop(
  owner: TestUser,
  sizes: Sizes,
  {
    namespace = "synco",
    extraKeys = [],
    scopes = ALL_ORDERS_SCOPES,
    throttleEnabled = false,
  }: { namespace?: string; extraKeys?: string[]; scopes?: string[]; throttleEnabled?: boolean } = {},
): Promise<ShopStore> {
  const shop = await connectSeededShop(owner, sizes, { scopes, throttleEnabled });
  for (const type of RESOURCE_TYPES) {
    const ids = await sandboxIds(shop.shopId, type);
    await mapItems(shop, type, ids);
    await writeMetafields(shop.shopId, type, ids, [`${namespace}.sync`, ...extraKeys]);
  }
  return shop;
}

export async function mapItems(shop: ShopStore, type: ResourceType, ids: number[]) {
  if (ids.length === 0) return;
  await db.execute(sql`
    insert into sync_mappings (store_id, resource_type, shopify_id, odoo_id, odoo_invoice_id, status, synced_at, mirror_state, mirrored_at)
    select ${shop.store.id}, ${type}, id, id + 7, ${type === "order" ? sql`id + 9` : sql`null`}, 'synced', now(), 'done', now()
    from unnest(${`{${ids.join(",")}}`}::bigint[]) as id`);
}

/** Metafields `namespace.key` on the items, the way Synco (or another app) would have left them. */
export async function writeMetafields(shopId: number, type: ResourceType, ids: number[], keys: string[]) {
  for (const entry of keys) {
    if (ids.length === 0) continue;
    const [namespace, key] = entry.split(".") as [string, string];
    await db.execute(sql`
      insert into sandbox_shopify_metafields (shop_id, owner_type, owner_id, namespace, key, type, value)
      select ${shopId}, ${OWNER_TYPE[type]}, id, ${namespace}, ${key}, 'json', '{"odoo_id":' || id || ',"status":"synced"}'
      from unnest(${`{${ids.join(",")}}`}::bigint[]) as id
      on conflict do nothing`);
  }
}

/** How many metafields of these keys the shop holds, per resource type. */
export async function metafieldsOf(shopId: number, keys: string[]): Promise<Record<ResourceType, number>> {
  const pairs = keys.map((entry) => entry.split(".") as [string, string]);
  const rows = await db
    .select({ ownerType: sandboxShopifyMetafields.ownerType, n: count() })
    .from(sandboxShopifyMetafields)
    .where(
      and(
        eq(sandboxShopifyMetafields.shopId, shopId),
        sql`(${sandboxShopifyMetafields.namespace}, ${sandboxShopifyMetafields.key}) in (${sql.join(
          pairs.map(([namespace, key]) => sql`(${namespace}, ${key})`),
          sql`, `,
        )})`,
      ),
    )
    .groupBy(sandboxShopifyMetafields.ownerType);
  const counts = { product: 0, customer: 0, order: 0 };
  for (const type of RESOURCE_TYPES)
    counts[type] = Number(rows.find((row) => row.ownerType === OWNER_TYPE[type])?.n ?? 0);
  return counts;
}

export async function mappingsOf(storeId: string): Promise<Record<ResourceType, number>> {
  const rows = await db
    .select({ type: syncMappings.resourceType, n: count() })
    .from(syncMappings)
    .where(and(eq(syncMappings.storeId, storeId), inArray(syncMappings.resourceType, [...RESOURCE_TYPES])))
    .groupBy(syncMappings.resourceType);
  const counts = { product: 0, customer: 0, order: 0 };
  for (const row of rows) counts[row.type] = Number(row.n);
  return counts;
}

/** Runs the clear's job now in this process (its queued job removed so no worker takes it too). */
export async function clearNow(runId: string, { final = true }: { final?: boolean } = {}) {
  const [run] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  if (!run) throw new Error(`no run ${runId}`);
  if (run.jobName && run.jobId) await (await getBoss()).deleteJob(run.jobName, run.jobId);
  await runClearJob({
    runId,
    storeId: run.storeId,
    organizationId: run.organizationId,
    job: { id: run.jobId ?? randomUUID(), final },
  });
  const [after] = await db.select().from(operationRuns).where(eq(operationRuns.id, runId));
  return after!;
}

/** POST …/clears as `user`, confirming with the shop's domain unless `body` says otherwise. */
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
