import { and, eq } from "drizzle-orm";
import { sandboxShopifyCustomers, sandboxShopifyMetafields, sandboxShopifyOrders } from "@/db/schema/sandbox-shopify";
import { toGid } from "./gid";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export type DeleteSandboxCustomerOptions = { shopId: number; customerId: number; db?: SandboxDb };

/**
 * Deletes a customer and its metafields. Like Shopify, a customer with orders stays ("has-orders");
 * "missing" when the shop has no such customer.
 */
export async function deleteSandboxCustomer({
  shopId,
  customerId,
  db = defaultSandboxDb,
}: DeleteSandboxCustomerOptions): Promise<"deleted" | "missing" | "has-orders"> {
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: sandboxShopifyCustomers.id })
      .from(sandboxShopifyCustomers)
      .where(and(eq(sandboxShopifyCustomers.shopId, shopId), eq(sandboxShopifyCustomers.id, customerId)))
      .for("update");
    if (!customer) return "missing";
    const [order] = await tx
      .select({ id: sandboxShopifyOrders.id })
      .from(sandboxShopifyOrders)
      .where(and(eq(sandboxShopifyOrders.shopId, shopId), eq(sandboxShopifyOrders.customerId, customerId)))
      .limit(1);
    if (order) return "has-orders";
    await tx.delete(sandboxShopifyCustomers).where(eq(sandboxShopifyCustomers.id, customerId));
    await tx
      .delete(sandboxShopifyMetafields)
      .where(
        and(
          eq(sandboxShopifyMetafields.shopId, shopId),
          eq(sandboxShopifyMetafields.ownerType, "CUSTOMER"),
          eq(sandboxShopifyMetafields.ownerId, customerId),
        ),
      );
    const payload = { id: customerId, admin_graphql_api_id: toGid("Customer", customerId) };
    await onSandboxChange({ shopId, topic: "customers/delete", payload, tx });
    return "deleted";
  });
}
