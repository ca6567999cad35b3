import { sandboxShopifyCustomers, type SandboxCustomer } from "@/db/schema/sandbox-shopify";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { customerPayload } from "./webhook-payloads";

export type CreateSandboxCustomerOptions = {
  shopId: number;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  note?: string | null;
  tags?: string[];
  createdAt?: Date;
  updatedAt?: Date;
  db?: SandboxDb;
};

/** Inserts a customer; a second customer with the same email (any case) violates a unique index. */
export async function createSandboxCustomer({
  db = defaultSandboxDb,
  ...input
}: CreateSandboxCustomerOptions): Promise<SandboxCustomer> {
  return db.transaction(async (tx) => {
    const createdAt = input.createdAt ?? new Date();
    const [customer] = await tx
      .insert(sandboxShopifyCustomers)
      .values({
        shopId: input.shopId,
        email: input.email ?? null,
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        note: input.note ?? null,
        tags: input.tags ?? [],
        createdAt,
        updatedAt: input.updatedAt ?? createdAt,
      })
      .returning();
    await onSandboxChange({ shopId: input.shopId, topic: "customers/create", payload: customerPayload(customer!), tx });
    return customer!;
  });
}
