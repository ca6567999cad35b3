import { and, eq, ne, sql } from "drizzle-orm";
import { sandboxShopifyCustomers as customers } from "@/db/schema/sandbox-shopify";
import { createSandboxCustomer } from "../../create-sandbox-customer";
import { deleteSandboxCustomer } from "../../delete-sandbox-customer";
import { toGid } from "../../gid";
import type { SandboxDb } from "../../sandbox-db";
import { updateSandboxCustomer } from "../../update-sandbox-customer";
import type { SandboxContext } from "../context";
import { typed } from "../rows";
import { idArgument, type ResolverMap } from "./common";
import { isUniqueViolation } from "../../pg-errors";
import {
  applyInputMetafields,
  inMutation,
  isEmail,
  type MetafieldInput,
  type PayloadUserError,
} from "./mutation-helpers";

type CustomerInput = {
  id?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  note?: string | null;
  tags?: string[] | null;
  metafields?: MetafieldInput[] | null;
};

const EMAIL_TAKEN = { field: ["email"], message: "Email has already been taken" };

export const customerMutationResolvers: ResolverMap = {
  Mutation: {
    customerCreate: async (_: unknown, args: { input: CustomerInput }, ctx: SandboxContext) => {
      const { input } = args;
      if (!input.email?.trim() && !input.firstName?.trim() && !input.lastName?.trim()) {
        return {
          customer: null,
          userErrors: [{ field: null, message: "A name, phone number, or email address must be present" }],
        };
      }
      const result = await saveCustomer(ctx, input, null);
      return result.ok
        ? { customer: typed("Customer", result.value), userErrors: [] }
        : { customer: null, userErrors: result.userErrors };
    },
    customerUpdate: async (_: unknown, args: { input: CustomerInput }, ctx: SandboxContext) => {
      const id = args.input.id ? idArgument(args.input.id, "Customer") : null;
      if (id === null) return { customer: null, userErrors: [{ field: ["id"], message: "Customer does not exist" }] };
      const result = await saveCustomer(ctx, args.input, id);
      return result.ok
        ? { customer: typed("Customer", result.value), userErrors: [] }
        : { customer: null, userErrors: result.userErrors };
    },
    customerDelete: async (_: unknown, args: { input: { id: string } }, ctx: SandboxContext) => {
      const id = idArgument(args.input.id, "Customer");
      const outcome =
        id === null ? "missing" : await deleteSandboxCustomer({ shopId: ctx.shop.id, customerId: id, db: ctx.db });
      const shop = typed("Shop", { ...ctx.shop });
      if (outcome === "deleted") return { deletedCustomerId: args.input.id, shop, userErrors: [] };
      // Best guesses at Shopify's wording.
      const message =
        outcome === "has-orders"
          ? "Customer can't be deleted because they have associated orders"
          : "Customer can't be found";
      return { deletedCustomerId: null, shop, userErrors: [{ field: ["id"], message }] };
    },
  },
};

async function saveCustomer(ctx: SandboxContext, input: CustomerInput, id: number | null) {
  const email = input.email?.trim().toLowerCase() || undefined;
  const result = await inMutation(ctx, async (tx, fail) => {
    const problems: PayloadUserError[] = [];
    if (email && !isEmail(email)) problems.push({ field: ["email"], message: "Email is invalid" });
    else if (email && (await emailTaken(tx, ctx.shop.id, email, id))) problems.push(EMAIL_TAKEN);
    if (problems.length) return fail(problems);
    const fields = {
      email,
      firstName: input.firstName ?? undefined,
      lastName: input.lastName ?? undefined,
      note: input.note ?? undefined,
      tags: input.tags ?? undefined,
    };
    const customer =
      id === null
        ? await createSandboxCustomer({ shopId: ctx.shop.id, ...fields, db: tx })
        : await updateSandboxCustomer({ shopId: ctx.shop.id, customerId: id, changes: fields, db: tx });
    if (!customer) return fail([{ field: ["id"], message: "Customer does not exist" }]);
    const errors = await applyInputMetafields(tx, ctx, toGid("Customer", customer.id), input.metafields, []);
    return errors.length ? fail(errors) : customer;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) return { ok: false as const, userErrors: [EMAIL_TAKEN] };
    throw error;
  });
  return result;
}

async function emailTaken(tx: SandboxDb, shopId: number, email: string, exceptId: number | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.shopId, shopId),
        sql`lower(${customers.email}) = ${email}`,
        exceptId === null ? undefined : ne(customers.id, exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
