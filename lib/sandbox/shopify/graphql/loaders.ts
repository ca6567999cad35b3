// Batched lookups used by nested fields (variant.product, order.customer, owner.metafield…),
// always scoped to the request's shop.
import { and, count, eq, gte, inArray, or, sql } from "drizzle-orm";
import {
  sandboxShopifyCustomers,
  sandboxShopifyMetafieldDefinitions,
  sandboxShopifyMetafields,
  sandboxShopifyOrders,
  sandboxShopifyProducts,
  sandboxShopifyProductVariants,
} from "@/db/schema/sandbox-shopify";
import type { SandboxDb } from "../sandbox-db";
import { batchLoader } from "./batch-loader";
import { typed, type DefinitionNode, type MetafieldNode } from "./rows";

export type MetafieldKey = { ownerType: string; ownerId: number; namespace: string; key: string };

/** `ordersSince`: orders created before it are not found (the token lacks `read_all_orders`). */
export function createLoaders(db: SandboxDb, shopId: number, ordersSince: Date | null = null) {
  const byIds = <T extends { id: number }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const metafieldKey = (key: MetafieldKey) => `${key.ownerType}/${key.ownerId}/${key.namespace}/${key.key}`;
  return {
    product: batchLoader(async (ids: number[]) => {
      const table = sandboxShopifyProducts;
      const rows = await db
        .select()
        .from(table)
        .where(and(eq(table.shopId, shopId), inArray(table.id, ids)));
      return byIds(rows.map((row) => typed("Product", row)));
    }),
    variant: batchLoader(async (ids: number[]) => {
      const table = sandboxShopifyProductVariants;
      const rows = await db
        .select()
        .from(table)
        .where(and(eq(table.shopId, shopId), inArray(table.id, ids)));
      return byIds(rows.map((row) => typed("ProductVariant", row)));
    }),
    customer: batchLoader(async (ids: number[]) => {
      const table = sandboxShopifyCustomers;
      const rows = await db
        .select()
        .from(table)
        .where(and(eq(table.shopId, shopId), inArray(table.id, ids)));
      return byIds(rows.map((row) => typed("Customer", row)));
    }),
    order: batchLoader(async (ids: number[]) => {
      const table = sandboxShopifyOrders;
      const rows = await db
        .select()
        .from(table)
        .where(
          and(
            eq(table.shopId, shopId),
            inArray(table.id, ids),
            ordersSince ? gte(table.createdAt, ordersSince) : undefined,
          ),
        );
      return byIds(rows.map((row) => typed("Order", row)));
    }),
    metafield: batchLoader<MetafieldKey, MetafieldNode>(async (keys) => {
      const table = sandboxShopifyMetafields;
      // Usually every key of a batch shares owner type, namespace and key (a page of orders each
      // asking for its `sync` metafield): one owner-id array per such group, not four parameters per key.
      const groups = new Map<string, { ownerType: string; namespace: string; key: string; ownerIds: number[] }>();
      for (const key of keys) {
        const group = `${key.ownerType}/${key.namespace}/${key.key}`;
        const entry = groups.get(group) ?? {
          ownerType: key.ownerType,
          namespace: key.namespace,
          key: key.key,
          ownerIds: [],
        };
        entry.ownerIds.push(key.ownerId);
        groups.set(group, entry);
      }
      const rows = await db
        .select()
        .from(table)
        .where(
          and(
            eq(table.shopId, shopId),
            or(
              ...[...groups.values()].map((group) =>
                and(
                  eq(table.ownerType, group.ownerType),
                  eq(table.namespace, group.namespace),
                  eq(table.key, group.key),
                  sql`${table.ownerId} = any(${sql.param(group.ownerIds)}::bigint[])`,
                ),
              ),
            ),
          ),
        );
      return new Map(rows.map((row) => [row, typed("Metafield", row)]));
    }, metafieldKey),
    definition: batchLoader<Omit<MetafieldKey, "ownerId">, DefinitionNode>(
      async (keys) => {
        const table = sandboxShopifyMetafieldDefinitions;
        const namespaces = [...new Set(keys.map((key) => key.namespace))];
        const rows = await db
          .select()
          .from(table)
          .where(and(eq(table.shopId, shopId), inArray(table.namespace, namespaces)));
        return new Map(rows.map((row) => [row, typed("MetafieldDefinition", row)]));
      },
      (key) => `${key.ownerType}/${key.namespace}/${key.key}`,
    ),
    ordersCountByCustomer: batchLoader(async (customerIds: number[]) => {
      const table = sandboxShopifyOrders;
      const rows = await db
        .select({ customerId: table.customerId, total: count() })
        .from(table)
        .where(and(eq(table.shopId, shopId), inArray(table.customerId, customerIds)))
        .groupBy(table.customerId);
      return new Map(rows.map((row) => [row.customerId!, row.total]));
    }),
    variantsCountByProduct: batchLoader(async (productIds: number[]) => {
      const table = sandboxShopifyProductVariants;
      const rows = await db
        .select({ productId: table.productId, total: count() })
        .from(table)
        .where(and(eq(table.shopId, shopId), inArray(table.productId, productIds)))
        .groupBy(table.productId);
      return new Map(rows.map((row) => [row.productId, row.total]));
    }),
  };
}

export type SandboxLoaders = ReturnType<typeof createLoaders>;
