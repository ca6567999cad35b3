// Seeds a sandbox store with the sandbox's deterministic presets (products, customers, orders and
// the sync-state metafields an earlier Synco install would have left in the store's namespace).
// Medium and large stores do this in a `seed` operation run (lib/operations/kinds/seed.ts). The
// seeding is one transaction, so a retry finds the shop either empty (seed it) or complete
// (skip to the end): never half-seeded or doubled.
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import { sandboxShopifyProducts, sandboxShopifyShops } from "@/db/schema";
import type { SandboxSize } from "@/lib/vocabulary/stores";
import { SANDBOX_STORE_SIZES, seedSandboxStore } from "@/lib/sandbox/shopify/seed/seed-sandbox-store";

export type SeedStep = { type: "product" | "customer" | "order"; count: number };

/** How many products, customers and orders a sandbox store of this size is seeded with. */
export function sandboxSeedPlan(size: SandboxSize): Record<SeedStep["type"], number> {
  const sizes = SANDBOX_STORE_SIZES[size];
  return { product: sizes.products, customer: sizes.customers, order: sizes.orders };
}

/**
 * Seeds the shop unless it already holds data; `namespace` is where the sync-state metafields go.
 * `onStep` hears of each kind of item written; a shop seeded before reports them all at once.
 */
export async function seedSandboxShop({
  shopDomain,
  size,
  namespace,
  onStep,
}: {
  shopDomain: string;
  size: SandboxSize;
  namespace: string;
  onStep?: (step: SeedStep) => Promise<void> | void;
}): Promise<{ seeded: boolean }> {
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
  // Still one transaction (the sandbox's own nests in this one, and analyzes what it wrote), each
  // statement under a limit.
  await db.transaction(async (tx) => {
    await limitStatements(tx, STATEMENT_LIMITS.generate);
    await seedSandboxStore({ shopId: shop.id, size, namespace, onStep, db: tx });
  });
  return { seeded: true };
}
