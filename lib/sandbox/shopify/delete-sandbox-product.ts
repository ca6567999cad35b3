import { and, eq, inArray, or } from "drizzle-orm";
import {
  sandboxShopifyMetafields,
  sandboxShopifyProducts,
  sandboxShopifyProductVariants,
} from "@/db/schema/sandbox-shopify";
import { toGid } from "./gid";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export type DeleteSandboxProductOptions = { shopId: number; productId: number; db?: SandboxDb };

/** Deletes the product, its variants and every metafield they own; false when it does not exist. */
export async function deleteSandboxProduct({
  shopId,
  productId,
  db = defaultSandboxDb,
}: DeleteSandboxProductOptions): Promise<boolean> {
  return db.transaction(async (tx) => {
    const variants = await tx
      .select({ id: sandboxShopifyProductVariants.id })
      .from(sandboxShopifyProductVariants)
      .where(
        and(eq(sandboxShopifyProductVariants.shopId, shopId), eq(sandboxShopifyProductVariants.productId, productId)),
      );
    const deleted = await tx
      .delete(sandboxShopifyProducts)
      .where(and(eq(sandboxShopifyProducts.shopId, shopId), eq(sandboxShopifyProducts.id, productId)))
      .returning({ id: sandboxShopifyProducts.id });
    if (deleted.length === 0) return false;
    const variantIds = variants.map((variant) => variant.id);
    await tx
      .delete(sandboxShopifyMetafields)
      .where(
        and(
          eq(sandboxShopifyMetafields.shopId, shopId),
          or(
            and(eq(sandboxShopifyMetafields.ownerType, "PRODUCT"), eq(sandboxShopifyMetafields.ownerId, productId)),
            variantIds.length
              ? and(
                  eq(sandboxShopifyMetafields.ownerType, "PRODUCTVARIANT"),
                  inArray(sandboxShopifyMetafields.ownerId, variantIds),
                )
              : undefined,
          ),
        ),
      );
    const payload = { id: productId, admin_graphql_api_id: toGid("Product", productId) };
    await onSandboxChange({ shopId, topic: "products/delete", payload, tx });
    return true;
  });
}
