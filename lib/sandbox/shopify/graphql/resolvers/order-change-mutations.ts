// orderUpdate (email, note, tags, metafields) and orderDelete.
import { deleteSandboxOrder } from "../../delete-sandbox-order";
import { toGid } from "../../gid";
import { updateSandboxOrder } from "../../update-sandbox-order";
import type { SandboxContext } from "../context";
import { typed } from "../rows";
import { idArgument, type ResolverMap } from "./common";
import { applyInputMetafields, inMutation, isEmail, type MetafieldInput } from "./mutation-helpers";

type OrderInput = {
  id: string;
  email?: string | null;
  note?: string | null;
  tags?: string[] | null;
  metafields?: MetafieldInput[] | null;
};

const missing = { field: ["id"], message: "Order does not exist" };

export const orderChangeMutationResolvers: ResolverMap = {
  Mutation: {
    orderUpdate: async (_: unknown, args: { input: OrderInput }, ctx: SandboxContext) => {
      const { input } = args;
      const id = idArgument(input.id, "Order");
      if (id === null) return { order: null, userErrors: [missing] };
      // An order outside the token's 60 days does not exist for it.
      if (!(await ctx.loaders.order(id))) return { order: null, userErrors: [missing] };
      if (input.email && !isEmail(input.email))
        return { order: null, userErrors: [{ field: ["email"], message: "Email is invalid" }] };
      const result = await inMutation(ctx, async (tx, fail) => {
        const order = await updateSandboxOrder({
          shopId: ctx.shop.id,
          orderId: id,
          changes: { email: input.email ?? undefined, note: input.note ?? undefined, tags: input.tags ?? undefined },
          db: tx,
        });
        if (!order) return fail([missing]);
        const errors = await applyInputMetafields(tx, ctx, toGid("Order", id), input.metafields, []);
        return errors.length ? fail(errors) : order;
      });
      return result.ok
        ? { order: typed("Order", result.value), userErrors: [] }
        : { order: null, userErrors: result.userErrors };
    },
    orderDelete: async (_: unknown, args: { orderId: string }, ctx: SandboxContext) => {
      const id = idArgument(args.orderId, "Order");
      const deleted =
        id !== null &&
        !!(await ctx.loaders.order(id)) &&
        (await deleteSandboxOrder({ shopId: ctx.shop.id, orderId: id, db: ctx.db }));
      return deleted
        ? { deletedId: args.orderId, userErrors: [] }
        : { deletedId: null, userErrors: [{ field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" }] };
    },
  },
};
