import { createSandboxProduct } from "../../create-sandbox-product";
import { deleteSandboxProduct } from "../../delete-sandbox-product";
import { toGid } from "../../gid";
import { updateSandboxProduct } from "../../update-sandbox-product";
import type { SandboxContext } from "../context";
import { typed } from "../rows";
import { idArgument, type ResolverMap } from "./common";
import { applyInputMetafields, inMutation, type MetafieldInput } from "./mutation-helpers";

type ProductFields = {
  title?: string | null;
  handle?: string | null;
  vendor?: string | null;
  productType?: string | null;
  status?: "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED" | null;
  tags?: string[] | null;
  metafields?: MetafieldInput[] | null;
};

const shopOf = (ctx: SandboxContext) => typed("Shop", { ...ctx.shop });
const missingProduct = { field: ["id"], message: "Product does not exist" };

export const productMutationResolvers: ResolverMap = {
  Mutation: {
    productCreate: async (_: unknown, args: { product?: ProductFields | null }, ctx: SandboxContext) => {
      const input = args.product ?? {};
      if (!input.title?.trim())
        return {
          product: null,
          shop: shopOf(ctx),
          userErrors: [{ field: ["title"], message: "Title can't be blank" }],
        };
      const result = await inMutation(ctx, async (tx, fail) => {
        const { product } = await createSandboxProduct({
          shopId: ctx.shop.id,
          title: input.title!,
          handle: input.handle ?? undefined,
          vendor: input.vendor ?? undefined,
          productType: input.productType ?? undefined,
          status: input.status ?? undefined,
          tags: input.tags ?? undefined,
          db: tx,
        });
        const errors = await applyInputMetafields(tx, ctx, toGid("Product", product.id), input.metafields, []);
        return errors.length ? fail(errors) : product;
      });
      return result.ok
        ? { product: typed("Product", result.value), shop: shopOf(ctx), userErrors: [] }
        : { product: null, shop: shopOf(ctx), userErrors: result.userErrors };
    },
    productUpdate: async (
      _: unknown,
      args: { product?: (ProductFields & { id?: string | null }) | null },
      ctx: SandboxContext,
    ) => {
      const input = args.product ?? {};
      const id = input.id ? idArgument(input.id, "Product") : null;
      if (id === null) return { product: null, userErrors: [missingProduct] };
      if (input.title !== undefined && !input.title?.trim())
        return { product: null, userErrors: [{ field: ["title"], message: "Title can't be blank" }] };
      const result = await inMutation(ctx, async (tx, fail) => {
        const product = await updateSandboxProduct({
          shopId: ctx.shop.id,
          productId: id,
          changes: {
            title: input.title ?? undefined,
            handle: input.handle ?? undefined,
            vendor: input.vendor ?? undefined,
            productType: input.productType ?? undefined,
            status: input.status ?? undefined,
            tags: input.tags ?? undefined,
          },
          db: tx,
        });
        if (!product) return fail([missingProduct]);
        const errors = await applyInputMetafields(tx, ctx, toGid("Product", id), input.metafields, []);
        return errors.length ? fail(errors) : product;
      });
      return result.ok
        ? { product: typed("Product", result.value), userErrors: [] }
        : { product: null, userErrors: result.userErrors };
    },
    productDelete: async (_: unknown, args: { input: { id: string } }, ctx: SandboxContext) => {
      const id = idArgument(args.input.id, "Product");
      const deleted = id !== null && (await deleteSandboxProduct({ shopId: ctx.shop.id, productId: id, db: ctx.db }));
      return deleted
        ? { deletedProductId: args.input.id, shop: shopOf(ctx), userErrors: [] }
        : { deletedProductId: null, shop: shopOf(ctx), userErrors: [missingProduct] };
    },
  },
};
