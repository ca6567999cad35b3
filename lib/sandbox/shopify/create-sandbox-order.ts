import { and, eq, inArray, sql } from "drizzle-orm";
import {
  sandboxShopifyOrderLineItems,
  sandboxShopifyOrders,
  sandboxShopifyProducts,
  sandboxShopifyProductVariants,
  sandboxShopifyShops,
  type SandboxOrder,
  type SandboxOrderLineItem,
} from "@/db/schema/sandbox-shopify";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { orderPayload } from "./webhook-payloads";

/** A line item either names a variant of the shop (title, SKU and price default from it) or stands alone. */
export type SandboxLineItemInput = {
  variantId?: number;
  title?: string;
  sku?: string | null;
  quantity: number;
  price?: string | number;
};

export type CreateSandboxOrderOptions = {
  shopId: number;
  lineItems: SandboxLineItemInput[];
  email?: string | null;
  customerId?: number | null;
  currencyCode?: string;
  note?: string | null;
  tags?: string[];
  processedAt?: Date;
  createdAt?: Date;
  updatedAt?: Date;
  db?: SandboxDb;
};

/** A line item named a variant that is not in this shop. */
export class SandboxUnknownVariantError extends Error {
  constructor(readonly variantId: number) {
    super(`variant ${variantId} is not in this sandbox shop`);
  }
}

export type CreatedSandboxOrder = { order: SandboxOrder; lineItems: SandboxOrderLineItem[] };

/** Creates an order numbered like Shopify (#1001, #1002… per shop); totals are the line sums, no tax. */
export async function createSandboxOrder({
  db = defaultSandboxDb,
  ...input
}: CreateSandboxOrderOptions): Promise<CreatedSandboxOrder> {
  return db.transaction(async (tx) => {
    const [shop] = await tx
      .update(sandboxShopifyShops)
      .set({ nextOrderNumber: sql`${sandboxShopifyShops.nextOrderNumber} + 1` })
      .where(eq(sandboxShopifyShops.id, input.shopId))
      .returning({
        number: sql<number>`${sandboxShopifyShops.nextOrderNumber} - 1`,
        currencyCode: sandboxShopifyShops.currencyCode,
      });
    if (!shop) throw new Error(`sandbox shop ${input.shopId} does not exist`);
    const lines = await resolveLines(tx, input.shopId, input.lineItems);
    const subtotal = lines.reduce((sum, line) => sum + Math.round(Number(line.price) * 100) * line.quantity, 0) / 100;
    const createdAt = input.createdAt ?? new Date();
    const [order] = await tx
      .insert(sandboxShopifyOrders)
      .values({
        shopId: input.shopId,
        number: shop.number,
        name: `#${shop.number}`,
        email: input.email ?? null,
        customerId: input.customerId ?? null,
        currencyCode: input.currencyCode ?? shop.currencyCode,
        subtotalPrice: subtotal.toFixed(2),
        totalTax: "0.00",
        totalPrice: subtotal.toFixed(2),
        note: input.note ?? null,
        tags: input.tags ?? [],
        processedAt: input.processedAt ?? createdAt,
        createdAt,
        updatedAt: input.updatedAt ?? createdAt,
      })
      .returning();
    const lineItems = lines.length
      ? await tx
          .insert(sandboxShopifyOrderLineItems)
          .values(lines.map((line) => ({ ...line, shopId: input.shopId, orderId: order!.id })))
          .returning()
      : [];
    await onSandboxChange({
      shopId: input.shopId,
      topic: "orders/create",
      payload: orderPayload(order!, lineItems),
      tx,
    });
    return { order: order!, lineItems };
  });
}

async function resolveLines(tx: SandboxDb, shopId: number, inputs: SandboxLineItemInput[]) {
  const variantIds = inputs.flatMap((input) => (input.variantId ? [input.variantId] : []));
  const variants = variantIds.length
    ? await tx
        .select({ variant: sandboxShopifyProductVariants, productTitle: sandboxShopifyProducts.title })
        .from(sandboxShopifyProductVariants)
        .innerJoin(sandboxShopifyProducts, eq(sandboxShopifyProducts.id, sandboxShopifyProductVariants.productId))
        .where(
          and(eq(sandboxShopifyProductVariants.shopId, shopId), inArray(sandboxShopifyProductVariants.id, variantIds)),
        )
    : [];
  const byId = new Map(variants.map((row) => [row.variant.id, row]));
  return inputs.map((input) => {
    const found = input.variantId ? byId.get(input.variantId) : undefined;
    if (input.variantId && !found) throw new SandboxUnknownVariantError(input.variantId);
    const variantTitle = found && found.variant.title !== "Default Title" ? found.variant.title : null;
    return {
      productId: found?.variant.productId ?? null,
      variantId: found?.variant.id ?? null,
      title: input.title ?? found?.productTitle ?? "Custom item",
      variantTitle,
      sku: input.sku !== undefined ? input.sku : (found?.variant.sku ?? null),
      quantity: input.quantity,
      price: String(input.price ?? found?.variant.price ?? "0"),
    };
  });
}
