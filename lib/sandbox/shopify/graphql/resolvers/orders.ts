// Order and LineItem reads: QueryRoot fields, types, search fields and sort keys.
import { eq, gte, sql } from "drizzle-orm";
import { sandboxShopifyOrderLineItems as lineItems, sandboxShopifyOrders as orders } from "@/db/schema/sandbox-shopify";
import { toGid } from "../../gid";
import { textCondition } from "../../search/search-to-sql";
import type { SandboxContext } from "../context";
import { paginate, type ConnectionArgs } from "../paginate";
import { typed, type LineItemNode, type OrderNode } from "../rows";
import { idArgument, moneyBag, type ResolverMap } from "./common";
import { ownerMetafieldFields } from "./metafields";
import { countResolver, listResolver, sortBy, type ResourceList } from "./resource-list";

export const orderList: ResourceList<OrderNode> = {
  field: "orders",
  typename: "Order",
  table: orders,
  visible: (ctx) => (ctx.ordersSince ? gte(orders.createdAt, ctx.ordersSince) : undefined),
  sorts: {
    ID: sortBy.id(orders.id),
    ORDER_NUMBER: sortBy.integer("ORDER_NUMBER", orders.number, (row) => row.number),
    CREATED_AT: sortBy.time("CREATED_AT", orders.createdAt, (row) => row.createdAt),
    UPDATED_AT: sortBy.time("UPDATED_AT", orders.updatedAt, (row) => row.updatedAt),
    PROCESSED_AT: sortBy.time("PROCESSED_AT", orders.processedAt, (row) => row.processedAt),
  },
  search: {
    fields: {
      id: { kind: "id", column: orders.id },
      // `name:#1001` and `name:1001` both find order #1001.
      name: {
        kind: "custom",
        build: (term) =>
          textCondition(sql`ltrim(${orders.name}, '#')`, { ...term, value: term.value.replace(/^#/, "") }, "exact"),
      },
      email: { kind: "text", column: orders.email, match: "exact" },
      customer_id: { kind: "id", column: orders.customerId },
      created_at: { kind: "date", column: orders.createdAt },
      updated_at: { kind: "date", column: orders.updatedAt },
      processed_at: { kind: "date", column: orders.processedAt },
      tag: {
        kind: "custom",
        build: (term) =>
          sql`exists (select 1 from unnest(${orders.tags}) as tag where lower(tag) = lower(${term.value}))`,
      },
      tag_not: {
        kind: "custom",
        build: (term) =>
          sql`not exists (select 1 from unnest(${orders.tags}) as tag where lower(tag) = lower(${term.value}))`,
      },
      // What every sandbox order is: paid, not shipped, open, not a test.
      financial_status: { kind: "fixed", value: "paid" },
      fulfillment_status: {
        kind: "custom",
        build: (term) =>
          ["unshipped", "unfulfilled", "any"].includes(term.value.toLowerCase()) ? sql`true` : sql`false`,
      },
      status: {
        kind: "custom",
        build: (term) => (["open", "not_closed", "any"].includes(term.value.toLowerCase()) ? sql`true` : sql`false`),
      },
      test: { kind: "fixed", value: "false" },
      sku: {
        kind: "custom",
        build: (term) =>
          sql`exists (select 1 from ${lineItems} where ${lineItems.orderId} = ${orders.id} and ${textCondition(lineItems.sku, term, "exact")})`,
      },
    },
    text: [orders.name, orders.email],
  },
  select: async (ctx, where, orderBy, limit) =>
    (
      await ctx.db
        .select()
        .from(orders)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit)
    ).map((row) => typed("Order", row)),
};

/** Line items carry their order's currency, which their money fields need. */
export type PricedLineItem = LineItemNode & { currencyCode: string };

export const orderResolvers: ResolverMap = {
  QueryRoot: {
    order: (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "Order");
      return id === null ? null : ctx.loaders.order(id);
    },
    orders: listResolver(orderList),
    ordersCount: countResolver(orderList),
  },
  Order: {
    id: (row: OrderNode) => toGid("Order", row.id),
    legacyResourceId: (row: OrderNode) => row.id,
    customer: (row: OrderNode, _args: unknown, ctx: SandboxContext) =>
      row.customerId ? ctx.loaders.customer(row.customerId) : null,
    subtotalPriceSet: (row: OrderNode) => moneyBag(row.subtotalPrice, row.currencyCode),
    totalTaxSet: (row: OrderNode) => moneyBag(row.totalTax, row.currencyCode),
    totalPriceSet: (row: OrderNode) => moneyBag(row.totalPrice, row.currencyCode),
    currentTotalPriceSet: (row: OrderNode) => moneyBag(row.totalPrice, row.currencyCode),
    lineItems: (row: OrderNode, args: ConnectionArgs, ctx: SandboxContext) =>
      paginate<PricedLineItem>({
        field: "lineItems",
        args,
        sort: { key: "ID", column: lineItems.id, cast: "bigint", value: (item) => item.id },
        idColumn: lineItems.id,
        where: () => eq(lineItems.shopId, ctx.shop.id),
        parent: { column: lineItems.orderId, id: row.id, of: (item) => item.orderId, batches: ctx.connectionBatches },
        fetch: async (where, orderBy, limit) =>
          (
            await ctx.db
              .select()
              .from(lineItems)
              .where(where)
              .orderBy(...orderBy)
              .limit(limit)
          ).map((item) => typed("LineItem", { ...item, currencyCode: row.currencyCode })),
      }),
    ...ownerMetafieldFields("ORDER"),
  },
  LineItem: {
    id: (item: PricedLineItem) => toGid("LineItem", item.id),
    name: (item: PricedLineItem) => (item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title),
    currentQuantity: (item: PricedLineItem) => item.quantity,
    originalUnitPriceSet: (item: PricedLineItem) => moneyBag(item.price, item.currencyCode),
    originalTotalSet: (item: PricedLineItem) =>
      moneyBag((Number(item.price) * item.quantity).toFixed(2), item.currencyCode),
    variant: (item: PricedLineItem, _args: unknown, ctx: SandboxContext) =>
      item.variantId ? ctx.loaders.variant(item.variantId) : null,
    product: (item: PricedLineItem, _args: unknown, ctx: SandboxContext) =>
      item.productId ? ctx.loaders.product(item.productId) : null,
  },
};
