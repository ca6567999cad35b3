// Product and ProductVariant reads: QueryRoot fields, types, search fields and sort keys.
import { eq, sql } from "drizzle-orm";
import {
  sandboxShopifyProducts as products,
  sandboxShopifyProductVariants as variants,
} from "@/db/schema/sandbox-shopify";
import { toGid } from "../../gid";
import { textCondition } from "../../search/search-to-sql";
import type { SandboxContext } from "../context";
import { paginate, type ConnectionArgs } from "../paginate";
import { typed, type ProductNode, type VariantNode } from "../rows";
import { idArgument, type ResolverMap } from "./common";
import { ownerMetafieldFields } from "./metafields";
import { countResolver, listResolver, sortBy, type ResourceList } from "./resource-list";

const variantSku = sql`coalesce(${variants.sku}, '')`;

export const productList: ResourceList<ProductNode> = {
  field: "products",
  typename: "Product",
  table: products,
  sorts: {
    ID: sortBy.id(products.id),
    TITLE: sortBy.text("TITLE", products.title, (row) => row.title),
    CREATED_AT: sortBy.time("CREATED_AT", products.createdAt, (row) => row.createdAt),
    UPDATED_AT: sortBy.time("UPDATED_AT", products.updatedAt, (row) => row.updatedAt),
  },
  search: {
    fields: {
      id: { kind: "id", column: products.id },
      title: { kind: "text", column: products.title, match: "words" },
      handle: { kind: "text", column: products.handle, match: "exact" },
      vendor: { kind: "text", column: products.vendor, match: "exact" },
      product_type: { kind: "text", column: products.productType, match: "exact" },
      status: { kind: "text", column: products.status, match: "exact" },
      // Sandbox products are published when active (it has no sales channels).
      published_status: {
        kind: "custom",
        build: (term) => {
          const value = term.value.toLowerCase();
          if (value === "any") return sql`true`;
          if (value === "published") return sql`${products.status} = 'ACTIVE'`;
          if (value === "unpublished") return sql`${products.status} <> 'ACTIVE'`;
          return null;
        },
      },
      gift_card: { kind: "fixed", value: "false" },
      created_at: { kind: "date", column: products.createdAt },
      updated_at: { kind: "date", column: products.updatedAt },
      tag: {
        kind: "custom",
        build: (term) =>
          sql`exists (select 1 from unnest(${products.tags}) as tag where lower(tag) = lower(${term.value}))`,
      },
      tag_not: {
        kind: "custom",
        build: (term) =>
          sql`not exists (select 1 from unnest(${products.tags}) as tag where lower(tag) = lower(${term.value}))`,
      },
      variant_title: {
        kind: "custom",
        build: (term) =>
          sql`exists (select 1 from ${variants} where ${variants.productId} = ${products.id} and ${textCondition(variants.title, term, "words")})`,
      },
      sku: {
        kind: "custom",
        build: (term) =>
          sql`exists (select 1 from ${variants} where ${variants.productId} = ${products.id} and ${textCondition(variants.sku, term, "exact")})`,
      },
    },
    text: [products.title, products.vendor, products.productType],
  },
  select: async (ctx, where, orderBy, limit) =>
    (
      await ctx.db
        .select()
        .from(products)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit)
    ).map((row) => typed("Product", row)),
};

export const variantList: ResourceList<VariantNode> = {
  field: "productVariants",
  typename: "ProductVariant",
  table: variants,
  sorts: {
    ID: sortBy.id(variants.id),
    POSITION: sortBy.integer("POSITION", variants.position, (row) => row.position),
    SKU: sortBy.text("SKU", variantSku, (row) => row.sku ?? ""),
    TITLE: sortBy.text("TITLE", variants.title, (row) => row.title),
  },
  search: {
    fields: {
      id: { kind: "id", column: variants.id },
      product_id: { kind: "id", column: variants.productId },
      sku: { kind: "text", column: variantSku, match: "exact" },
      title: { kind: "text", column: variants.title, match: "words" },
      created_at: { kind: "date", column: variants.createdAt },
      updated_at: { kind: "date", column: variants.updatedAt },
    },
    text: [variants.title, variantSku],
  },
  select: async (ctx, where, orderBy, limit) =>
    (
      await ctx.db
        .select()
        .from(variants)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit)
    ).map((row) => typed("ProductVariant", row)),
};

type VariantsArgs = ConnectionArgs & { sortKey: string };

export const productResolvers: ResolverMap = {
  QueryRoot: {
    product: (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "Product");
      return id === null ? null : ctx.loaders.product(id);
    },
    products: listResolver(productList),
    productsCount: countResolver(productList),
    productVariant: (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "ProductVariant");
      return id === null ? null : ctx.loaders.variant(id);
    },
    productVariants: listResolver(variantList),
    productVariantsCount: countResolver(variantList),
  },
  Product: {
    id: (row: ProductNode) => toGid("Product", row.id),
    legacyResourceId: (row: ProductNode) => row.id,
    variants: (row: ProductNode, args: VariantsArgs, ctx: SandboxContext) =>
      paginate<VariantNode>({
        field: "variants",
        args,
        sort: variantList.sorts[args.sortKey]!,
        idColumn: variants.id,
        where: () => eq(variants.shopId, ctx.shop.id),
        parent: {
          column: variants.productId,
          id: row.id,
          of: (variant) => variant.productId,
          batches: ctx.connectionBatches,
        },
        fetch: (where, orderBy, limit) => variantList.select(ctx, where, orderBy, limit),
      }),
    variantsCount: async (row: ProductNode, _args: unknown, ctx: SandboxContext) => ({
      count: (await ctx.loaders.variantsCountByProduct(row.id)) ?? 0,
      precision: "EXACT",
    }),
    ...ownerMetafieldFields("PRODUCT"),
  },
  ProductVariant: {
    id: (row: VariantNode) => toGid("ProductVariant", row.id),
    legacyResourceId: (row: VariantNode) => row.id,
    product: (row: VariantNode, _args: unknown, ctx: SandboxContext) => ctx.loaders.product(row.productId),
    displayName: async (row: VariantNode, _args: unknown, ctx: SandboxContext) => {
      const product = await ctx.loaders.product(row.productId);
      return `${product?.title ?? ""} - ${row.title}`;
    },
    ...ownerMetafieldFields("PRODUCTVARIANT"),
  },
};
