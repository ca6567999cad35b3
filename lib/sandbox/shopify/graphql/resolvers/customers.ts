// Customer reads: QueryRoot fields, the Customer type, search fields and sort keys.
import { sql, type SQL } from "drizzle-orm";
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
      tag_not: {
        kind: "custom",
        build: (term) =>
          sql`not exists (select 1 from unnest(${customers.tags}) as tag where lower(tag) = lower(${term.value}))`,
      },
      orders_count: { kind: "custom", build: (term) => countCondition(term, sql`count(*)`) },
      total_spent: { kind: "custom", build: (term) => countCondition(term, sql`coalesce(sum(total_price), 0)`) },
      // Sandbox customers have no addresses, phones or marketing consent.
      country: { kind: "fixed", value: "" },
      state: { kind: "fixed", value: "enabled" },
      phone: { kind: "fixed", value: "" },
      accepts_marketing: { kind: "fixed", value: "false" },
    },
    text: [customers.displayName, customers.email],
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

// orders_count:>2, total_spent:<=100: an aggregate of the customer's orders compared with a number.
function countCondition(term: { value: string; comparator: string }, aggregate: SQL): SQL | null {
  const number = Number(term.value);
  if (term.value.trim() === "" || !Number.isFinite(number)) return null;
  return sql`(select ${aggregate} from sandbox_shopify_orders o where o.customer_id = ${customers.id}) ${sql.raw(term.comparator)} ${number}`;
}

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
    defaultPhoneNumber: (row: CustomerNode) => (row.phone ? { phoneNumber: row.phone } : null),
    numberOfOrders: async (row: CustomerNode, _args: unknown, ctx: SandboxContext) =>
      (await ctx.loaders.ordersCountByCustomer(row.id)) ?? 0,
    orders: listResolver(orderList, { column: orders.customerId, of: (order) => order.customerId ?? 0 }),
    ...ownerMetafieldFields("CUSTOMER"),
  },
};
