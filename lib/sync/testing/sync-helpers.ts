// Test helpers for sync: a store connected by token (with the app's secret, so the sandbox's own
// webhooks verify) to its own sandbox shop, seeded with chosen sizes and no sync state so each
// test decides what is mapped, signed webhook deliveries, and
// the sandbox's items read straight from its tables to compare the index with.
import { createHmac, randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import * as tokenRoute from "@/app/api/stores/token/route";
import * as webhookRoute from "@/app/api/webhooks/shopify/route";
import { db } from "@/db/client";
import {
  sandboxShopifyCustomers,
  sandboxShopifyMetafields,
  sandboxShopifyOrders,
  sandboxShopifyProducts,
} from "@/db/schema";
import { operationRuns } from "@/db/schema/operations";
import { shopifyIndexItems } from "@/db/schema/shopify-index";
import { getBoss } from "@/lib/jobs/boss";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { seedSandboxStore, type SandboxStoreSizes } from "@/lib/sandbox/shopify/seed/seed-sandbox-store";
import type { TStoreView } from "@/lib/stores/schemas";
import type { TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { ResourceType } from "@/lib/vocabulary/sync";

export type ShopStore = { store: TStoreView; shopId: number; accessToken: string; webhookSecret: string };

/** A custom-app store on a fresh sandbox shop holding `sizes` (no sync metafields). */
export async function connectSeededShop(
  owner: TestUser,
  sizes: Partial<SandboxStoreSizes> = {},
  { scopes, throttleEnabled = false }: { scopes?: string[]; throttleEnabled?: boolean } = {},
): Promise<ShopStore> {
  const { shop, accessToken, installation } = await createSandboxShop({
    domain: `sync-${randomUUID().slice(0, 12)}.myshopify.com`,
    name: "Sync test",
    throttleEnabled,
    scopes,
  });
  const full = { products: 0, customers: 0, orders: 0, metafields: 0, ...sizes };
  if (full.products + full.customers + full.orders > 0)
    await seedSandboxStore({ shopId: shop.id, sizes: full, syncedShare: 0, failedShare: 0 });
  const res = await call(tokenRoute.POST, "POST", "/api/stores/token", {
    cookie: owner.cookie,
    body: { shop: shop.domain, accessToken, apiSecret: installation.apiSecret },
  });
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${JSON.stringify(res.body)}`);
  // Connecting queued an index refresh; these tests run it themselves (refreshIndexNow), so no worker should.
  const queued = await db
    .select()
    .from(operationRuns)
    .where(and(eq(operationRuns.storeId, res.body.store.id), eq(operationRuns.kind, "index_refresh")));
  for (const run of queued) if (run.jobName && run.jobId) await (await getBoss()).deleteJob(run.jobName, run.jobId);
  return { store: res.body.store as TStoreView, shopId: shop.id, accessToken, webhookSecret: installation.apiSecret };
}

/** A webhook delivery signed with the store's app secret, through the real route. */
export async function deliverWebhook({
  shop,
  topic,
  body,
  webhookId = randomUUID(),
  secret = shop.webhookSecret,
}: {
  shop: ShopStore;
  topic: string;
  body: unknown;
  webhookId?: string;
  secret?: string;
}) {
  const raw = JSON.stringify(body);
  const res = await webhookRoute.POST(
    new Request("http://localhost:3000/api/webhooks/shopify", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": topic,
        "x-shopify-shop-domain": shop.store.shopDomain,
        "x-shopify-webhook-id": webhookId,
        "x-shopify-hmac-sha256": createHmac("sha256", secret).update(raw).digest("base64"),
      },
      body: raw,
    }),
  );
  return { status: res.status, outcome: ((await res.json()) as { outcome: string }).outcome };
}

export type ComparableItem = {
  id: number;
  title: string;
  email: string | null;
  skus: string[];
  orderName: string | null;
  updatedAt: string;
};

/** The index's items of a type, in id order, as plain values. */
export async function indexItems(storeId: string, type: ResourceType): Promise<ComparableItem[]> {
  const rows = await db
    .select()
    .from(shopifyIndexItems)
    .where(and(eq(shopifyIndexItems.storeId, storeId), eq(shopifyIndexItems.resourceType, type)))
    .orderBy(asc(shopifyIndexItems.shopifyId));
  return rows.map((row) => ({
    id: row.shopifyId,
    title: row.title,
    email: row.email,
    skus: [...row.skus].sort(),
    orderName: row.orderName,
    updatedAt: second(row.shopifyUpdatedAt),
  }));
}

/** What the sandbox shop holds, in the index's terms (Shopify reports times to the second). */
export async function sandboxItems(shopId: number, type: ResourceType): Promise<ComparableItem[]> {
  if (type === "product") {
    const rows = await db.execute<{ id: string; title: string; skus: string[]; updated_at: Date }>(sql`
      select p.id, p.title, p.updated_at, coalesce(array_agg(v.sku order by v.sku) filter (where v.sku is not null and v.sku <> ''), '{}') as skus
      from ${sandboxShopifyProducts} p left join sandbox_shopify_product_variants v on v.product_id = p.id
      where p.shop_id = ${shopId} group by p.id order by p.id`);
    return rows.rows.map((row) => ({
      id: Number(row.id),
      title: row.title,
      email: null,
      skus: row.skus,
      orderName: null,
      updatedAt: second(row.updated_at),
    }));
  }
  if (type === "customer") {
    const rows = await db
      .select()
      .from(sandboxShopifyCustomers)
      .where(eq(sandboxShopifyCustomers.shopId, shopId))
      .orderBy(asc(sandboxShopifyCustomers.id));
    return rows.map((row) => ({
      id: row.id,
      title: row.displayName ?? "",
      email: row.email,
      skus: [],
      orderName: null,
      updatedAt: second(row.updatedAt),
    }));
  }
  const rows = await db
    .select()
    .from(sandboxShopifyOrders)
    .where(eq(sandboxShopifyOrders.shopId, shopId))
    .orderBy(asc(sandboxShopifyOrders.id));
  return rows.map((row) => ({
    id: row.id,
    title: row.name,
    email: row.email,
    skus: [],
    orderName: row.name,
    updatedAt: second(row.updatedAt),
  }));
}

/** Ids of the shop's items of a type, in id order. */
export async function sandboxIds(shopId: number, type: ResourceType): Promise<number[]> {
  return (await sandboxItems(shopId, type)).map((item) => item.id);
}

/** The shop's `sync` metafields in a namespace, by owner gid. */
export async function syncMetafields(
  shopId: number,
  namespace = "synco",
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db
    .select()
    .from(sandboxShopifyMetafields)
    .where(
      and(
        eq(sandboxShopifyMetafields.shopId, shopId),
        eq(sandboxShopifyMetafields.namespace, namespace),
        eq(sandboxShopifyMetafields.key, "sync"),
      ),
    );
  const gidType: Record<string, string> = { PRODUCT: "Product", CUSTOMER: "Customer", ORDER: "Order" };
  return new Map(
    rows.map((row) => [
      `gid://shopify/${gidType[row.ownerType]}/${row.ownerId}`,
      JSON.parse(row.value) as Record<string, unknown>,
    ]),
  );
}

const second = (date: Date) => new Date(Math.floor(new Date(date).getTime() / 1000) * 1000).toISOString();
