import { and, eq, sql } from "drizzle-orm";
import { sandboxShopifyCustomers, type SandboxCustomer } from "@/db/schema/sandbox-shopify";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { customerPayload } from "./webhook-payloads";

export type UpdateSandboxCustomerOptions = {
  shopId: number;
  customerId: number;
  changes: Partial<Pick<SandboxCustomer, "email" | "firstName" | "lastName" | "note" | "tags">>;
  db?: SandboxDb;
};

/** Applies the changes and bumps updatedAt; null when the shop has no such customer. */
export async function updateSandboxCustomer({
  shopId,
  customerId,
  changes,
  db = defaultSandboxDb,
}: UpdateSandboxCustomerOptions) {
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .update(sandboxShopifyCustomers)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(sandboxShopifyCustomers.shopId, shopId), eq(sandboxShopifyCustomers.id, customerId)))
      .returning();
    if (!customer) return null;
    await onSandboxChange({ shopId, topic: "customers/update", payload: customerPayload(customer), tx });
    return customer;
  });
}
