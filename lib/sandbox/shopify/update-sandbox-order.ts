import { and, asc, eq, sql } from "drizzle-orm";
import { sandboxShopifyOrderLineItems, sandboxShopifyOrders, type SandboxOrder } from "@/db/schema/sandbox-shopify";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { orderPayload } from "./webhook-payloads";

export type UpdateSandboxOrderOptions = {
  shopId: number;
  orderId: number;
  changes: Partial<Pick<SandboxOrder, "email" | "note" | "tags">>;
  db?: SandboxDb;
};

/** Applies the changes and bumps updatedAt (orders/updated); null when the shop has no such order. */
export async function updateSandboxOrder({
  shopId,
  orderId,
  changes,
  db = defaultSandboxDb,
}: UpdateSandboxOrderOptions): Promise<SandboxOrder | null> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(sandboxShopifyOrders)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(sandboxShopifyOrders.shopId, shopId), eq(sandboxShopifyOrders.id, orderId)))
      .returning();
    if (!order) return null;
    const lineItems = await tx
      .select()
      .from(sandboxShopifyOrderLineItems)
      .where(eq(sandboxShopifyOrderLineItems.orderId, orderId))
      .orderBy(asc(sandboxShopifyOrderLineItems.id));
    await onSandboxChange({ shopId, topic: "orders/updated", payload: orderPayload(order, lineItems), tx });
    return order;
  });
}
