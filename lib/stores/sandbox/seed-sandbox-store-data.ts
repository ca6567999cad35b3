// Background seeding of a medium or large sandbox store (small ones are seeded in the request).
// Resumable: each kind of record is numbered, and a retried job counts what is there and carries
// on from that number, so a crash never duplicates or skips records. Webhooks are subscribed when
// the data is in, so seeding does not flood the app with creation webhooks.
import { and, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { sandboxShopifyCustomers, sandboxShopifyOrders, sandboxShopifyProducts, sandboxShopifyProductVariants, sandboxShopifyShops } from "@/db/schema";
import { stores, type SandboxSize } from "@/db/schema/stores";
import { createSandboxCustomer } from "@/lib/sandbox/shopify/create-sandbox-customer";
import { createSandboxOrder } from "@/lib/sandbox/shopify/create-sandbox-order";
import { createSandboxProduct } from "@/lib/sandbox/shopify/create-sandbox-product";
import { storeCredentials } from "../store-credentials";
import { subscribeStoreWebhooks } from "../subscribe-store-webhooks";

export const SANDBOX_PRESETS: Record<SandboxSize, { products: number; variantsPerProduct: number; customers: number; orders: number }> = {
  small: { products: 3, variantsPerProduct: 2, customers: 3, orders: 3 },
  medium: { products: 100, variantsPerProduct: 3, customers: 100, orders: 200 },
  large: { products: 1000, variantsPerProduct: 3, customers: 1000, orders: 2000 },
};

const START = Date.parse("2026-01-01T00:00:00Z");
const MINUTE = 60_000;

type Options = { storeId: string; organizationId: string; shopDomain: string; size: SandboxSize; final?: boolean };

export async function seedSandboxStoreData({ storeId, organizationId, shopDomain, size, final = false }: Options): Promise<void> {
  try {
    await seed(shopDomain, SANDBOX_PRESETS[size]);
  } catch (error) {
    if (final) await setSeedStatus(storeId, organizationId, "failed");
    throw error;
  }
  const [store] = await db.select().from(stores).where(and(eq(stores.id, storeId), eq(stores.organizationId, organizationId)));
  const credentials = store && storeCredentials(store);
  if (store && credentials) await subscribeStoreWebhooks({ store, accessToken: credentials.accessToken });
  await setSeedStatus(storeId, organizationId, "ready");
}

async function setSeedStatus(storeId: string, organizationId: string, seedStatus: "ready" | "failed") {
  await db.update(stores).set({ seedStatus, updatedAt: new Date(), lastActivityAt: new Date() }).where(and(eq(stores.id, storeId), eq(stores.organizationId, organizationId)));
}

async function seed(shopDomain: string, preset: (typeof SANDBOX_PRESETS)[SandboxSize]) {
  const [shop] = await db.select({ id: sandboxShopifyShops.id }).from(sandboxShopifyShops).where(eq(sandboxShopifyShops.domain, shopDomain));
  if (!shop) throw new Error(`sandbox shop ${shopDomain} does not exist`);
  const shopId = shop.id;
  const at = (n: number) => new Date(START + n * MINUTE);

  const [products] = await db.select({ n: count() }).from(sandboxShopifyProducts).where(eq(sandboxShopifyProducts.shopId, shopId));
  for (let p = products!.n + 1; p <= preset.products; p++) {
    const variants = Array.from({ length: preset.variantsPerProduct }, (_, v) => ({ title: `Size ${v + 1}`, sku: `SKU-${p}-${v + 1}`, price: (10 + (p % 90) + v).toFixed(2) }));
    await createSandboxProduct({ shopId, title: `Product ${p}`, vendor: "Sandbox", variants, createdAt: at(p) });
  }
  const [customers] = await db.select({ n: count() }).from(sandboxShopifyCustomers).where(eq(sandboxShopifyCustomers.shopId, shopId));
  for (let c = customers!.n + 1; c <= preset.customers; c++) {
    await createSandboxCustomer({ shopId, email: `customer${c}@example.com`, firstName: "Customer", lastName: `Number ${c}`, createdAt: at(preset.products + c) });
  }
  const variantRows = await db.select({ id: sandboxShopifyProductVariants.id }).from(sandboxShopifyProductVariants).where(eq(sandboxShopifyProductVariants.shopId, shopId)).orderBy(sandboxShopifyProductVariants.id);
  const customerRows = await db.select({ id: sandboxShopifyCustomers.id, email: sandboxShopifyCustomers.email }).from(sandboxShopifyCustomers).where(eq(sandboxShopifyCustomers.shopId, shopId)).orderBy(sandboxShopifyCustomers.id);
  const [orders] = await db.select({ n: count() }).from(sandboxShopifyOrders).where(eq(sandboxShopifyOrders.shopId, shopId));
  for (let o = orders!.n; o < preset.orders; o++) {
    const customer = customerRows[o % customerRows.length];
    const variant = variantRows[o % variantRows.length];
    await createSandboxOrder({
      shopId,
      customerId: customer?.id,
      email: customer?.email ?? undefined,
      lineItems: variant ? [{ variantId: variant.id, quantity: 1 + (o % 3) }] : [{ title: "Custom item", quantity: 1, price: "5.00" }],
      createdAt: at(preset.products + preset.customers + o + 1),
    });
  }
}
