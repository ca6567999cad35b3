// The sandbox Shopify's one door for the product: create a shop with the app installed, seed it
// with a preset, the presets' sizes, and the HTTP handler the app mounts the sandbox with. The
// product reads a sandbox shop only through the Admin API, as it reads a real store; a lint rule
// (.dependency-cruiser.cjs) holds it to this module, and holds the sandbox to its own files and
// tables, so the sandbox could become its own package by changing this module.
import { count, eq } from "drizzle-orm";
import { sandboxShopifyProducts, sandboxShopifyShops } from "@/db/schema/sandbox-shopify";
import type { HandleSandboxShopifyRequestOptions } from "./handle-sandbox-shopify-request";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { SANDBOX_STORE_SIZES, seedSandboxStore } from "./seed/seed-sandbox-store";

export type { SandboxPlan } from "@/db/schema/sandbox-shopify";
export { createSandboxShop, type CreatedSandboxShop } from "./create-sandbox-shop";
export { SANDBOX_PLAN_NAMES, sandboxPlan } from "./plans";
export { SANDBOX_STORE_SIZES, seedSandboxStore, type SandboxStoreSizes } from "./seed/seed-sandbox-store";
export { setSandboxShopLimits } from "./set-sandbox-shop-limits";

export type SandboxStoreSize = keyof typeof SANDBOX_STORE_SIZES;
export type SeedStep = { type: "product" | "customer" | "order"; count: number };

/** The sandbox's HTTP surface (Admin API, uploads, result files, faults). Loaded on first use, so pages that only need the sizes stay light. */
export async function handleSandboxShopifyRequest(
  req: Request,
  options?: HandleSandboxShopifyRequestOptions,
): Promise<Response> {
  const { handleSandboxShopifyRequest: handle } = await import("./handle-sandbox-shopify-request");
  return handle(req, options);
}

/** How many products, customers and orders a sandbox store of this size is seeded with. */
export function sandboxSeedPlan(size: SandboxStoreSize): Record<SeedStep["type"], number> {
  const sizes = SANDBOX_STORE_SIZES[size];
  return { product: sizes.products, customer: sizes.customers, order: sizes.orders };
}

/**
 * Seeds the shop with the preset unless it already holds data — the seeding is one transaction,
 * so a retry finds the shop either empty or complete. `namespace` is where the sync-state
 * metafields go; `onStep` hears of each kind of item written (all at once for a shop seeded before).
 */
export async function seedSandboxShop({
  shopDomain,
  size,
  namespace,
  onStep,
}: {
  shopDomain: string;
  size: SandboxStoreSize;
  namespace: string;
  onStep?: (step: SeedStep) => Promise<void> | void;
}): Promise<{ seeded: boolean }> {
  const db = defaultSandboxDb;
  const [shop] = await db
    .select({ id: sandboxShopifyShops.id })
    .from(sandboxShopifyShops)
    .where(eq(sandboxShopifyShops.domain, shopDomain));
  if (!shop) throw new Error(`sandbox shop ${shopDomain} does not exist`);
  const [products] = await db
    .select({ n: count() })
    .from(sandboxShopifyProducts)
    .where(eq(sandboxShopifyProducts.shopId, shop.id));
  if (products!.n > 0) {
    for (const [type, planned] of Object.entries(sandboxSeedPlan(size)))
      await onStep?.({ type: type as SeedStep["type"], count: planned });
    return { seeded: false };
  }
  await seedSandboxStore({ shopId: shop.id, size, namespace, onStep });
  return { seeded: true };
}

/**
 * In the caller's transaction, lays out what the shop says it synced (items whose sync state in
 * `namespace` is "synced", with their Odoo ids, and the customers and products their orders use)
 * as temp tables for its sandbox Odoo's seeding (lib/sandbox/shopify/seed/stage-synced-items.ts).
 */
export async function stageSandboxSyncedItems(
  tx: SandboxDb,
  { shopDomain, namespace }: { shopDomain: string; namespace: string },
): Promise<{ customers: number; products: number; orders: number }> {
  const [shop] = await tx
    .select({ id: sandboxShopifyShops.id })
    .from(sandboxShopifyShops)
    .where(eq(sandboxShopifyShops.domain, shopDomain));
  if (!shop) throw new Error(`sandbox shop ${shopDomain} does not exist`);
  const { stageSyncedItems } = await import("./seed/stage-synced-items");
  return stageSyncedItems(tx, { shopId: shop.id, namespace });
}
