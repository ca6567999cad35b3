// Customer reads: QueryRoot fields, the Customer type, search fields and sort keys.
import { sql } from "drizzle-orm";
import { sandboxShopifyCustomers as customers, sandboxShopifyOrders as orders } from "@/db/schema/sandbox-shopify";
import { toGid } from "../../gid";
import type { SandboxContext } from "../context";
import { typed, type CustomerNode } from "../rows";
import { idArgument, type ResolverMap } from "./common";
import { ownerMetafieldFields } from "./metafields";
import { orderList } from "./orders";
import { countResolver, listResolver, sortBy, type ResourceList } from "./resource-list";

export const customerList: ResourceList<CustomerNode> = {
  field: "customers",
  typename: "Customer",
  table: customers,
  sorts: {
    ID: sortBy.id(customers.id),
    NAME: sortBy.text("NAME", sql`coalesce(${customers.displayName}, '')`, (row) => row.displayName ?? ""),
    CREATED_AT: sortBy.time("CREATED_AT", customers.createdAt, (row) => row.createdAt),
    UPDATED_AT: sortBy.time("UPDATED_AT", customers.updatedAt, (row) => row.updatedAt),
  },
  search: {
    fields: {
      id: { kind: "id", column: customers.id },
      email: { kind: "text", column: customers.email, match: "exact" },
      first_name: { kind: "text", column: customers.firstName, match: "exact" },
      last_name: { kind: "text", column: customers.lastName, match: "exact" },
      created_at: { kind: "date", column: customers.createdAt },
      updated_at: { kind: "date", column: customers.updatedAt },
      tag: {
        kind: "custom",
        build: (term) =>
          sql`exists (select 1 from unnest(${customers.tags}) as tag where lower(tag) = lower(${term.value}))`,
      },
    },
    text: (pattern) => sql`(${customers.displayName} ilike ${pattern} or ${customers.email} ilike ${pattern})`,
  },
  select: async (ctx, where, orderBy, limit) =>
    (
      await ctx.db
        .select()
        .from(customers)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit)
    ).map((row) => typed("Customer", row)),
};

export const customerResolvers: ResolverMap = {
  QueryRoot: {
    customer: (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "Customer");
      return id === null ? null : ctx.loaders.customer(id);
    },
    customers: listResolver(customerList),
    customersCount: countResolver(customerList),
  },
  Customer: {
    id: (row: CustomerNode) => toGid("Customer", row.id),
    legacyResourceId: (row: CustomerNode) => row.id,
    displayName: (row: CustomerNode) => row.displayName ?? "",
    defaultEmailAddress: (row: CustomerNode) => (row.email ? { emailAddress: row.email } : null),
    numberOfOrders: async (row: CustomerNode, _args: unknown, ctx: SandboxContext) =>
      (await ctx.loaders.ordersCountByCustomer(row.id)) ?? 0,
    orders: listResolver(orderList, { column: orders.customerId, of: (order) => order.customerId ?? 0 }),
    ...ownerMetafieldFields("CUSTOMER"),
  },
};
