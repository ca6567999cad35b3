// Seeds stores through the real routes, the way the browser does.
import { and, count, eq } from "drizzle-orm";
import * as sandboxRoute from "@/app/api/stores/sandbox/route";
import { db } from "@/db/client";
import {
  sandboxShopifyCustomers,
  sandboxShopifyMetafields,
  sandboxShopifyOrders,
  sandboxShopifyProducts,
  sandboxShopifyShops,
  sandboxShopifyWebhookSubscriptions,
} from "@/db/schema";
import { auditLog } from "@/db/schema/audit";
import { stores, type Store } from "@/db/schema/stores";
import type { TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { SandboxSize } from "@/lib/vocabulary/stores";
import type { TStoreView } from "../schemas";

export async function addSandboxStoreAs(user: TestUser, size: SandboxSize = "small"): Promise<TStoreView> {
  const res = await call(sandboxRoute.POST, "POST", "/api/stores/sandbox", { cookie: user.cookie, body: { size } });
  if (res.status !== 201) throw new Error(`add sandbox store failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.store as TStoreView;
}

export async function storeRow(storeId: string): Promise<Store> {
  const [row] = await db.select().from(stores).where(eq(stores.id, storeId));
  if (!row) throw new Error(`no store ${storeId}`);
  return row;
}

export const auditRows = (storeId: string) =>
  db.select().from(auditLog).where(eq(auditLog.storeId, storeId)).orderBy(auditLog.id);

/** Topics the sandbox shop has subscribed for its one app installation. */
export async function sandboxSubscriptions(shopDomain: string) {
  return db
    .select({ topic: sandboxShopifyWebhookSubscriptions.topic, uri: sandboxShopifyWebhookSubscriptions.uri })
    .from(sandboxShopifyWebhookSubscriptions)
    .innerJoin(sandboxShopifyShops, eq(sandboxShopifyShops.id, sandboxShopifyWebhookSubscriptions.shopId))
    .where(eq(sandboxShopifyShops.domain, shopDomain));
}

/** Polls until `check` returns a value (no fixed sleeps in assertions); fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many products, customers and orders the sandbox shop holds. */
/** How many items of the sandbox shop carry sync state (`{namespace}.sync`), read from its tables to compare with. */
export async function sandboxSyncStateCount(shopDomain: string, namespace = "synco"): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sandboxShopifyMetafields)
    .innerJoin(sandboxShopifyShops, eq(sandboxShopifyShops.id, sandboxShopifyMetafields.shopId))
    .where(
      and(
        eq(sandboxShopifyShops.domain, shopDomain),
        eq(sandboxShopifyMetafields.namespace, namespace),
        eq(sandboxShopifyMetafields.key, "sync"),
      ),
    );
  return row!.n;
}

export async function sandboxCounts(shopDomain: string) {
  const [shop] = await db
    .select({ id: sandboxShopifyShops.id })
    .from(sandboxShopifyShops)
    .where(eq(sandboxShopifyShops.domain, shopDomain));
  const tally = async (
    table: typeof sandboxShopifyProducts | typeof sandboxShopifyCustomers | typeof sandboxShopifyOrders,
  ) => (await db.select({ n: count() }).from(table).where(eq(table.shopId, shop!.id)))[0]!.n;
  return {
    products: await tally(sandboxShopifyProducts),
    customers: await tally(sandboxShopifyCustomers),
    orders: await tally(sandboxShopifyOrders),
  };
}
