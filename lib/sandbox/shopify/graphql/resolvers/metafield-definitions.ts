// Metafield definitions: the two QueryRoot fields, the type, and create/delete.
import { and, eq, sql } from "drizzle-orm";
import {
  sandboxShopifyMetafieldDefinitions as definitions,
  sandboxShopifyMetafields as metafields,
} from "@/db/schema/sandbox-shopify";
import { toGid } from "../../gid";
import { isOtherAppsNamespace, resolveNamespace, visibleToApp } from "../../metafields/app-namespace";
import { createMetafieldDefinition, type MetafieldDefinitionInput } from "../../metafields/create-metafield-definition";
import { deleteMetafieldDefinition } from "../../metafields/delete-metafield-definition";
import { metafieldTypeCategory } from "../../metafields/metafield-types";
import type { SandboxContext } from "../context";
import { paginate, type ConnectionArgs } from "../paginate";
import { typed, type DefinitionNode } from "../rows";
import { idArgument, type ResolverMap } from "./common";
import { sortBy } from "./resource-list";

type Identifier = { ownerType: string; namespace?: string | null; key: string };
type DefinitionsArgs = ConnectionArgs & {
  ownerType: string;
  namespace?: string | null;
  key?: string | null;
  sortKey: string;
};

const SORTS = {
  ID: sortBy.id<DefinitionNode>(definitions.id),
  NAME: sortBy.text<DefinitionNode>("NAME", definitions.name, (row) => row.name),
};

export const metafieldDefinitionResolvers: ResolverMap = {
  QueryRoot: {
    metafieldDefinitions: (_: unknown, args: DefinitionsArgs, ctx: SandboxContext) =>
      paginate<DefinitionNode>({
        field: "metafieldDefinitions",
        args,
        sort: SORTS[args.sortKey as keyof typeof SORTS],
        idColumn: definitions.id,
        where: and(
          eq(definitions.shopId, ctx.shop.id),
          eq(definitions.ownerType, args.ownerType),
          args.namespace != null ? eq(definitions.namespace, resolveNamespace(args.namespace, ctx.appId)) : undefined,
          args.key != null ? eq(definitions.key, args.key) : undefined,
          visibleToApp(definitions.namespace, ctx.appId),
        ),
        fetch: async (where, orderBy, limit) =>
          (
            await ctx.db
              .select()
              .from(definitions)
              .where(where)
              .orderBy(...orderBy)
              .limit(limit)
          ).map((row) => typed("MetafieldDefinition", row)),
      }),
    metafieldDefinition: async (_: unknown, args: { identifier?: Identifier | null }, ctx: SandboxContext) => {
      if (!args.identifier) return null;
      const { ownerType, key } = args.identifier;
      const namespace = resolveNamespace(args.identifier.namespace, ctx.appId);
      return isOtherAppsNamespace(namespace, ctx.appId) ? null : ctx.loaders.definition({ ownerType, namespace, key });
    },
  },
  MetafieldDefinition: {
    id: (row: DefinitionNode) => toGid("MetafieldDefinition", row.id),
    type: (row: DefinitionNode) => ({ name: row.type, category: metafieldTypeCategory(row.type) }),
    validations: () => [],
    metafieldsCount: async (row: DefinitionNode, _args: unknown, ctx: SandboxContext) => {
      const [result] = await ctx.db
        .select({ total: sql<number>`count(*)::int` })
        .from(metafields)
        .where(
          and(
            eq(metafields.shopId, ctx.shop.id),
            eq(metafields.ownerType, row.ownerType),
            eq(metafields.namespace, row.namespace),
            eq(metafields.key, row.key),
          ),
        );
      return result?.total ?? 0;
    },
  },
  Mutation: {
    metafieldDefinitionCreate: async (
      _: unknown,
      args: { definition: MetafieldDefinitionInput },
      ctx: SandboxContext,
    ) => {
      const result = await createMetafieldDefinition({
        shopId: ctx.shop.id,
        appId: ctx.appId,
        definition: args.definition,
        db: ctx.db,
      });
      return {
        createdDefinition: result.createdDefinition && typed("MetafieldDefinition", result.createdDefinition),
        userErrors: result.userErrors,
      };
    },
    metafieldDefinitionDelete: async (
      _: unknown,
      args: { id?: string | null; identifier?: Identifier | null; deleteAllAssociatedMetafields: boolean },
      ctx: SandboxContext,
    ) => {
      const id = args.id ? idArgument(args.id, "MetafieldDefinition") : null;
      const result = await deleteMetafieldDefinition({
        shopId: ctx.shop.id,
        appId: ctx.appId,
        // A gid of another type names no definition: pass an id that matches nothing.
        id: args.id ? (id ?? 0) : null,
        identifier: args.id ? null : args.identifier,
        deleteAllAssociatedMetafields: args.deleteAllAssociatedMetafields,
        db: ctx.db,
      });
      const deleted = result.deleted;
      return {
        deletedDefinition: deleted && { ownerType: deleted.ownerType, namespace: deleted.namespace, key: deleted.key },
        deletedDefinitionId: deleted && toGid("MetafieldDefinition", deleted.id),
        userErrors: result.userErrors,
      };
    },
  },
};
