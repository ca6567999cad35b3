import { and, eq } from "drizzle-orm";
import { sandboxShopifyMetafields, sandboxShopifyOrders } from "@/db/schema/sandbox-shopify";
import { toGid } from "./gid";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export type DeleteSandboxOrderOptions = { shopId: number; orderId: number; db?: SandboxDb };

/** Deletes an order with its line items and metafields; false when the shop has no such order. */
export async function deleteSandboxOrder({
  shopId,
  orderId,
  db = defaultSandboxDb,
}: DeleteSandboxOrderOptions): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sandboxShopifyOrders)
      .where(and(eq(sandboxShopifyOrders.shopId, shopId), eq(sandboxShopifyOrders.id, orderId)))
      .returning({ id: sandboxShopifyOrders.id });
    if (deleted.length === 0) return false;
    await tx
      .delete(sandboxShopifyMetafields)
      .where(
        and(
          eq(sandboxShopifyMetafields.shopId, shopId),
          eq(sandboxShopifyMetafields.ownerType, "ORDER"),
          eq(sandboxShopifyMetafields.ownerId, orderId),
        ),
      );
    const payload = { id: orderId, admin_graphql_api_id: toGid("Order", orderId) };
    await onSandboxChange({ shopId, topic: "orders/delete", payload, tx });
    return true;
  });
}
