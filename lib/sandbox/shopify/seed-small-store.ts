// A small, predictable sandbox store for tests and demos: its own unique shop (tests run in
// parallel and never reset the database), products with SKU'd variants, customers, and orders
// that buy those variants. Timestamps step one hour apart from `startAt`, in creation order.
import { randomUUID } from "node:crypto";
import type { SandboxCustomer, SandboxPlan } from "@/db/schema/sandbox-shopify";
import { createSandboxCustomer } from "./create-sandbox-customer";
import { createSandboxOrder, type CreatedSandboxOrder } from "./create-sandbox-order";
import { createSandboxProduct, type CreatedSandboxProduct } from "./create-sandbox-product";
import { createSandboxShop, type CreatedSandboxShop } from "./create-sandbox-shop";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export type SeedSmallStoreOptions = {
  domain?: string;
  plan?: SandboxPlan;
  bucketSize?: number;
  throttleEnabled?: boolean;
  products?: number;
  variantsPerProduct?: number;
  customers?: number;
  orders?: number;
  startAt?: Date;
  app?: { id: number; handle: string };
  db?: SandboxDb;
};

export type SeededSmallStore = CreatedSandboxShop & {
  products: CreatedSandboxProduct[];
  customers: SandboxCustomer[];
  orders: CreatedSandboxOrder[];
};

const HOUR = 3_600_000;

export async function seedSmallStore({
  domain = `sandbox-${randomUUID().slice(0, 12)}.myshopify.com`,
  plan,
  bucketSize,
  throttleEnabled,
  products: productCount = 3,
  variantsPerProduct = 2,
  customers: customerCount = 3,
  orders: orderCount = 3,
  startAt = new Date("2026-01-01T00:00:00Z"),
  app,
  db = defaultSandboxDb,
}: SeedSmallStoreOptions = {}): Promise<SeededSmallStore> {
  const created = await createSandboxShop({
    domain,
    name: `Sandbox ${domain}`,
    plan,
    bucketSize,
    throttleEnabled,
    app,
    db,
  });
  const shopId = created.shop.id;
  let clock = startAt.getTime();
  const tick = () => new Date((clock += HOUR));

  const products: CreatedSandboxProduct[] = [];
  for (let p = 1; p <= productCount; p++) {
    const variants = Array.from({ length: variantsPerProduct }, (_, v) => ({
      title: variantsPerProduct === 1 ? "Default Title" : `Size ${v + 1}`,
      sku: `SKU-${p}-${v + 1}`,
      price: (10 * p + v).toFixed(2),
    }));
    products.push(
      await createSandboxProduct({ shopId, title: `Product ${p}`, vendor: "Sandbox", variants, createdAt: tick(), db }),
    );
  }
  const customers: SandboxCustomer[] = [];
  for (let c = 1; c <= customerCount; c++) {
    customers.push(
      await createSandboxCustomer({
        shopId,
        email: `customer${c}@example.com`,
        firstName: "Customer",
        lastName: `Number ${c}`,
        createdAt: tick(),
        db,
      }),
    );
  }
  const variants = products.flatMap((product) => product.variants);
  const orders: CreatedSandboxOrder[] = [];
  for (let o = 0; o < orderCount; o++) {
    const customer = customers.length ? customers[o % customers.length] : undefined;
    const lineItems = variants.length
      ? [{ variantId: variants[o % variants.length]!.id, quantity: 1 + (o % 3) }]
      : [{ title: "Custom item", quantity: 1, price: "5.00" }];
    orders.push(
      await createSandboxOrder({
        shopId,
        customerId: customer?.id,
        email: customer?.email,
        lineItems,
        createdAt: tick(),
        db,
      }),
    );
  }
  return { ...created, products, customers, orders };
}
