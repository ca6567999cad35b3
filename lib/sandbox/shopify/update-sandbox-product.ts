import { and, asc, eq, sql } from "drizzle-orm";
import {
  sandboxShopifyProducts,
  sandboxShopifyProductVariants,
  type SandboxProduct,
} from "@/db/schema/sandbox-shopify";
import { freeHandle } from "./create-sandbox-product";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { productPayload } from "./webhook-payloads";

export type UpdateSandboxProductOptions = {
  shopId: number;
  productId: number;
  changes: Partial<Pick<SandboxProduct, "title" | "handle" | "vendor" | "productType" | "status" | "tags">>;
  db?: SandboxDb;
};

/** Applies the changes and bumps updatedAt; null when the shop has no such product. */
export async function updateSandboxProduct({
  shopId,
  productId,
  changes,
  db = defaultSandboxDb,
}: UpdateSandboxProductOptions) {
  return db.transaction(async (tx) => {
    const handle = changes.handle === undefined ? undefined : await freeHandle(tx, shopId, changes.handle);
    const [product] = await tx
      .update(sandboxShopifyProducts)
      .set({ ...changes, ...(handle === undefined ? {} : { handle }), updatedAt: sql`now()` })
      .where(and(eq(sandboxShopifyProducts.shopId, shopId), eq(sandboxShopifyProducts.id, productId)))
      .returning();
    if (!product) return null;
    const variants = await tx
      .select()
      .from(sandboxShopifyProductVariants)
      .where(eq(sandboxShopifyProductVariants.productId, productId))
      .orderBy(asc(sandboxShopifyProductVariants.position));
    await onSandboxChange({ shopId, topic: "products/update", payload: productPayload(product, variants), tx });
    return product;
  });
}
