// Seeds a sandbox store with the sandbox's deterministic presets (products, customers, orders and
// the sync-state metafields an earlier Synco install would have left in the store's namespace).
// Medium and large stores run this as a job. The seeding is one transaction, so a retry finds
// the shop either empty (seed it) or complete (skip to the end): never half-seeded or doubled.
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { sandboxShopifyProducts, sandboxShopifyShops } from "@/db/schema";
import { stores } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { seedSandboxStore } from "@/lib/sandbox/shopify/seed/seed-sandbox-store";
import { startStoreSync } from "@/lib/stores/start-store-sync";
import type { SandboxSize } from "@/lib/vocabulary/stores";
import { storeCredentials } from "../store-credentials";
import { subscribeStoreWebhooks } from "../subscribe-store-webhooks";

type Options = { storeId: string; organizationId: string; shopDomain: string; size: SandboxSize; final?: boolean };

/** Seeds the shop unless it already holds data; `namespace` is where the sync-state metafields go. */
export async function seedSandboxShop({
  shopDomain,
  size,
  namespace,
}: {
  shopDomain: string;
  size: SandboxSize;
  namespace: string;
}): Promise<void> {
  const [shop] = await db
    .select({ id: sandboxShopifyShops.id })
    .from(sandboxShopifyShops)
    .where(eq(sandboxShopifyShops.domain, shopDomain));
  if (!shop) throw new Error(`sandbox shop ${shopDomain} does not exist`);
  const [products] = await db
    .select({ n: count() })
    .from(sandboxShopifyProducts)
    .where(eq(sandboxShopifyProducts.shopId, shop.id));
  if (products!.n > 0) return;
  await seedSandboxStore({ shopId: shop.id, size, namespace });
}

/** The job: seed, subscribe the store's webhooks, then show the store as ready (or failed on the last attempt). */
export async function seedSandboxStoreData({
  storeId,
  organizationId,
  shopDomain,
  size,
  final = false,
}: Options): Promise<void> {
  const where = storeScope({ storeId, organizationId });
  const [store] = await db.select().from(stores).where(where);
  if (!store) return;
  try {
    await seedSandboxShop({ shopDomain, size, namespace: store.metafieldNamespace });
  } catch (error) {
    if (final) await db.update(stores).set({ seedStatus: "failed", updatedAt: new Date() }).where(where);
    throw error;
  }
  const credentials = storeCredentials(store);
  if (credentials) await subscribeStoreWebhooks({ store, accessToken: credentials.accessToken });
  await db.transaction(async (tx) => {
    const [ready] = await tx
      .update(stores)
      .set({ seedStatus: "ready", updatedAt: new Date(), lastActivityAt: new Date() })
      .where(where)
      .returning();
    // Next in the chain: the seeded sync state becomes mapping rows, then the index is filled.
    if (ready) await startStoreSync(tx, ready);
  });
}
