// orderCreate with the inputs the sandbox supports: line items (by variant or custom), an
// associated or upserted customer, email, currency, processedAt, note, tags and metafields.
import { and, eq, sql } from "drizzle-orm";
import { sandboxShopifyCustomers as customers } from "@/db/schema/sandbox-shopify";
import { createSandboxCustomer } from "../../create-sandbox-customer";
import { createSandboxOrder, SandboxUnknownVariantError, type SandboxLineItemInput } from "../../create-sandbox-order";
import { gidId, toGid } from "../../gid";
import type { SandboxDb } from "../../sandbox-db";
import type { SandboxContext } from "../context";
import { typed } from "../rows";
import { applyInputMetafields, inMutation, type MetafieldInput, type PayloadUserError } from "./mutation-helpers";
import type { ResolverMap } from "./common";

type LineItemInput = {
  variantId?: string | null;
  title?: string | null;
  sku?: string | null;
  quantity: number;
  priceSet?: { shopMoney: { amount: string } } | null;
};
type CustomerRef = { id?: string | null; email?: string | null; firstName?: string | null; lastName?: string | null };
type OrderInput = {
  lineItems?: LineItemInput[] | null;
  email?: string | null;
  currency?: string | null;
  customer?: { toAssociate?: CustomerRef | null; toUpsert?: CustomerRef | null } | null;
  processedAt?: Date | null;
  note?: string | null;
  tags?: string[] | null;
  metafields?: MetafieldInput[] | null;
};

const invalid = (field: string[], message: string, code = "INVALID"): PayloadUserError => ({
  field: ["order", ...field],
  message,
  code,
});

export const orderMutationResolvers: ResolverMap = {
  Mutation: {
    orderCreate: async (_: unknown, args: { order: OrderInput }, ctx: SandboxContext) => {
      const input = args.order;
      const result = await inMutation(ctx, async (tx, fail) => {
        const lines = lineItems(input.lineItems ?? []);
        if ("errors" in lines) return fail(lines.errors);
        const customer = await resolveCustomer(tx, ctx, input.customer);
        if ("errors" in customer) return fail(customer.errors);
        const { order } = await createSandboxOrder({
          shopId: ctx.shop.id,
          lineItems: lines.items,
          email: input.email ?? customer.email,
          customerId: customer.id,
          currencyCode: input.currency ?? undefined,
          processedAt: input.processedAt ?? undefined,
          note: input.note,
          tags: input.tags ?? undefined,
          db: tx,
        }).catch((error: unknown) => {
          if (!(error instanceof SandboxUnknownVariantError)) throw error;
          const index = lines.items.findIndex((item) => item.variantId === error.variantId);
          return fail([invalid(["lineItems", String(index), "variantId"], "Variant does not exist")]);
        });
        const errors = await applyInputMetafields(tx, ctx, toGid("Order", order.id), input.metafields, ["order"]);
        return errors.length ? fail(errors) : order;
      });
      return result.ok
        ? { order: typed("Order", result.value), userErrors: [] }
        : { order: null, userErrors: result.userErrors };
    },
  },
};

function lineItems(inputs: LineItemInput[]): { items: SandboxLineItemInput[] } | { errors: PayloadUserError[] } {
  if (inputs.length === 0) return { errors: [invalid(["lineItems"], "Line items must have at least one line item")] };
  const errors: PayloadUserError[] = [];
  const items = inputs.map((input, index): SandboxLineItemInput => {
    const at = (field: string) => ["lineItems", String(index), field];
    const variantId = input.variantId ? gidId(input.variantId, "ProductVariant") : undefined;
    if (input.variantId && variantId === null) errors.push(invalid(at("variantId"), "Variant does not exist"));
    if (!input.variantId && !input.title?.trim()) errors.push(invalid(at("title"), "Title can't be blank"));
    if (input.quantity < 1) errors.push(invalid(at("quantity"), "Quantity must be greater than or equal to 1"));
    return {
      variantId: variantId ?? undefined,
      title: input.title ?? undefined,
      sku: input.sku === undefined ? undefined : input.sku,
      quantity: input.quantity,
      price: input.priceSet?.shopMoney.amount,
    };
  });
  return errors.length ? { errors } : { items };
}

async function resolveCustomer(
  tx: SandboxDb,
  ctx: SandboxContext,
  ref: OrderInput["customer"],
): Promise<{ id: number | null; email: string | null } | { errors: PayloadUserError[] }> {
  if (!ref || (!ref.toAssociate && !ref.toUpsert)) return { id: null, email: null };
  if (ref.toAssociate && ref.toUpsert) {
    return {
      errors: [invalid(["customer"], "Only one of toAssociate or toUpsert may be given", "REDUNDANT_CUSTOMER_FIELDS")],
    };
  }
  const wanted = (ref.toAssociate ?? ref.toUpsert)!;
  const id = wanted.id ? gidId(wanted.id, "Customer") : null;
  const [found] = await tx
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.shopId, ctx.shop.id),
        id !== null
          ? eq(customers.id, id)
          : wanted.email
            ? sql`lower(${customers.email}) = lower(${wanted.email})`
            : sql`false`,
      ),
    )
    .limit(1);
  if (found) return { id: found.id, email: found.email };
  if (ref.toAssociate || wanted.id)
    return { errors: [invalid(["customer", ref.toAssociate ? "toAssociate" : "toUpsert"], "Customer does not exist")] };
  const created = await createSandboxCustomer({
    shopId: ctx.shop.id,
    email: wanted.email,
    firstName: wanted.firstName,
    lastName: wanted.lastName,
    db: tx,
  });
  return { id: created.id, email: created.email };
}
