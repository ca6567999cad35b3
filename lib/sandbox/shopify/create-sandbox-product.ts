import { and, eq, like, or } from "drizzle-orm";
import {
  sandboxShopifyProducts,
  sandboxShopifyProductVariants,
  type SandboxProduct,
  type SandboxProductVariant,
} from "@/db/schema/sandbox-shopify";
import { onSandboxChange } from "./on-sandbox-change";
import { isUniqueViolation } from "./pg-errors";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { productPayload } from "./webhook-payloads";

export type SandboxVariantInput = { title?: string; sku?: string | null; price?: string | number };

export type CreateSandboxProductOptions = {
  shopId: number;
  title: string;
  handle?: string;
  vendor?: string;
  productType?: string;
  status?: "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";
  tags?: string[];
  /** Without variants the product gets Shopify's single "Default Title" variant. */
  variants?: SandboxVariantInput[];
  createdAt?: Date;
  updatedAt?: Date;
  db?: SandboxDb;
};

export type CreatedSandboxProduct = { product: SandboxProduct; variants: SandboxProductVariant[] };

export async function createSandboxProduct({
  db = defaultSandboxDb,
  ...input
}: CreateSandboxProductOptions): Promise<CreatedSandboxProduct> {
  return db.transaction(async (tx) => {
    const createdAt = input.createdAt ?? new Date();
    const product = await insertWithFreeHandle(tx, input.handle ?? input.title, {
      shopId: input.shopId,
      title: input.title,
      vendor: input.vendor ?? "",
      productType: input.productType ?? "",
      status: input.status ?? "ACTIVE",
      tags: input.tags ?? [],
      createdAt,
      updatedAt: input.updatedAt ?? createdAt,
    });
    const variantInputs = input.variants?.length ? input.variants : [{ title: "Default Title" }];
    const variants = await tx
      .insert(sandboxShopifyProductVariants)
      .values(
        variantInputs.map((variant, index) => ({
          shopId: input.shopId,
          productId: product.id,
          title: variant.title ?? "Default Title",
          sku: variant.sku ?? null,
          price: String(variant.price ?? "0"),
          position: index + 1,
          createdAt,
          updatedAt: input.updatedAt ?? createdAt,
        })),
      )
      .returning();
    await onSandboxChange({
      shopId: input.shopId,
      topic: "products/create",
      payload: productPayload(product, variants),
      tx,
    });
    return { product, variants };
  });
}

// A concurrent create can take the handle between the check and the insert: the insert runs in a
// savepoint and, on a unique violation, looks for the next free handle.
async function insertWithFreeHandle(
  tx: SandboxDb,
  source: string,
  values: Omit<typeof sandboxShopifyProducts.$inferInsert, "handle">,
) {
  for (let attempt = 1; ; attempt++) {
    const handle = await freeHandle(tx, values.shopId, source);
    try {
      return await tx.transaction(
        async (savepoint) =>
          (
            await savepoint
              .insert(sandboxShopifyProducts)
              .values({ ...values, handle })
              .returning()
          )[0]!,
      );
    } catch (error) {
      if (attempt >= 20 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Shopify derives the handle from the title and appends -1, -2… when it is taken. */
export async function freeHandle(db: SandboxDb, shopId: number, source: string): Promise<string> {
  const base = handleize(source) || "product";
  const taken = await db
    .select({ handle: sandboxShopifyProducts.handle })
    .from(sandboxShopifyProducts)
    .where(
      and(
        eq(sandboxShopifyProducts.shopId, shopId),
        or(eq(sandboxShopifyProducts.handle, base), like(sandboxShopifyProducts.handle, `${base}-%`)),
      ),
    );
  const used = new Set(taken.map((row) => row.handle));
  if (!used.has(base)) return base;
  let suffix = 1;
  while (used.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

function handleize(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
