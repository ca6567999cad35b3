// Metafield reads: the HasMetafields fields every owner type shares, and the Metafield type.
// Another app's reserved namespace (app--{otherId}) is private to that app and never listed.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { sandboxShopifyMetafields } from "@/db/schema/sandbox-shopify";
import { toGid } from "../../gid";
import { isOtherAppsNamespace, resolveNamespace, visibleToApp } from "../../metafields/app-namespace";
import { metafieldDigest } from "../../metafields/metafield-digest";
import { metafieldJsonValue } from "../../metafields/metafield-types";
import { GID_TYPE_BY_OWNER, type OwnerType } from "../../metafields/owners";
import type { SandboxContext } from "../context";
import { paginate, type ConnectionArgs } from "../paginate";
import { typed, type MetafieldNode } from "../rows";
import type { ResolverMap } from "./common";

const table = sandboxShopifyMetafields;

type MetafieldsArgs = ConnectionArgs & { namespace?: string | null; keys?: string[] | null };

/** `metafield` and `metafields` for an owner type; the parent is the owner's row (or the shop). */
export function ownerMetafieldFields(ownerType: OwnerType) {
  return {
    metafield: async (owner: { id: number }, args: { namespace?: string | null; key: string }, ctx: SandboxContext) => {
      const namespace = resolveNamespace(args.namespace, ctx.appId);
      if (isOtherAppsNamespace(namespace, ctx.appId)) return null;
      return ctx.loaders.metafield({ ownerType, ownerId: owner.id, namespace, key: args.key });
    },
    metafields: (owner: { id: number }, args: MetafieldsArgs, ctx: SandboxContext) =>
      paginate<MetafieldNode>({
        field: "metafields",
        args,
        sort: { key: "ID", column: table.id, cast: "bigint", value: (row) => row.id },
        idColumn: table.id,
        where: () =>
          and(
            eq(table.shopId, ctx.shop.id),
            eq(table.ownerType, ownerType),
            args.namespace != null ? eq(table.namespace, resolveNamespace(args.namespace, ctx.appId)) : undefined,
            keysCondition(args.keys, ctx.appId),
            visibleToApp(table.namespace, ctx.appId),
          ),
        parent: { column: table.ownerId, id: owner.id, of: (row) => row.ownerId, batches: ctx.connectionBatches },
        fetch: async (where, orderBy, limit) =>
          (
            await ctx.db
              .select()
              .from(table)
              .where(where)
              .orderBy(...orderBy)
              .limit(limit)
          ).map((row) => typed("Metafield", row)),
      }),
  };
}

/** `keys` entries are "namespace.key". */
function keysCondition(keys: string[] | null | undefined, appId: number): SQL | undefined {
  if (!keys) return undefined;
  const pairs = keys.map((entry) => {
    const dot = entry.indexOf(".");
    return dot === -1 ? null : { namespace: resolveNamespace(entry.slice(0, dot), appId), key: entry.slice(dot + 1) };
  });
  const valid = pairs.filter((pair) => pair !== null);
  if (valid.length === 0) return sql`false`;
  return or(...valid.map((pair) => and(eq(table.namespace, pair.namespace), eq(table.key, pair.key))));
}

export const metafieldResolvers: ResolverMap = {
  Metafield: {
    id: (row: MetafieldNode) => toGid("Metafield", row.id),
    legacyResourceId: (row: MetafieldNode) => row.id,
    compareDigest: (row: MetafieldNode) => metafieldDigest(row),
    jsonValue: (row: MetafieldNode) => metafieldJsonValue(row.type, row.value),
    definition: (row: MetafieldNode, _args: unknown, ctx: SandboxContext) =>
      ctx.loaders.definition({ ownerType: row.ownerType, namespace: row.namespace, key: row.key }),
    owner: (row: MetafieldNode, _args: unknown, ctx: SandboxContext) => {
      switch (GID_TYPE_BY_OWNER[row.ownerType as OwnerType]) {
        case "Shop":
          return typed("Shop", { ...ctx.shop });
        case "Product":
          return ctx.loaders.product(row.ownerId);
        case "ProductVariant":
          return ctx.loaders.variant(row.ownerId);
        case "Customer":
          return ctx.loaders.customer(row.ownerId);
        case "Order":
          return ctx.loaders.order(row.ownerId);
      }
    },
  },
};
