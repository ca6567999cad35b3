// Webhook subscriptions of the calling app: reads, create and delete.
import { and, eq, inArray, sql } from "drizzle-orm";
import { sandboxShopifyWebhookSubscriptions as subscriptions } from "@/db/schema/sandbox-shopify-webhooks";
import { toGid } from "../../gid";
import { SANDBOX_API_VERSIONS } from "../../plans";
import { createWebhookSubscription } from "../../webhooks/create-webhook-subscription";
import { deleteWebhookSubscription } from "../../webhooks/delete-webhook-subscription";
import type { WebhookTopicEnum } from "../../webhooks/webhook-topics";
import type { SandboxContext } from "../context";
import { paginate, type ConnectionArgs } from "../paginate";
import { typed, type WebhookSubscriptionNode } from "../rows";
import { cappedCount, countWhere, idArgument, searchCondition, type ResolverMap } from "./common";
import { sortBy } from "./resource-list";
import type { SearchSpec } from "../../search/search-to-sql";
import type { GraphQLResolveInfo } from "graphql";

const search: SearchSpec = {
  fields: {
    id: { kind: "id", column: subscriptions.id },
    created_at: { kind: "date", column: subscriptions.createdAt },
    updated_at: { kind: "date", column: subscriptions.updatedAt },
    topic: { kind: "text", column: subscriptions.topic, match: "exact" },
    endpoint: { kind: "text", column: subscriptions.uri, match: "exact" },
  },
  text: [subscriptions.uri],
};

const sorts = {
  ID: sortBy.id<WebhookSubscriptionNode>(subscriptions.id),
  CREATED_AT: sortBy.time<WebhookSubscriptionNode>("CREATED_AT", subscriptions.createdAt, (row) => row.createdAt),
};

type ListArgs = ConnectionArgs & {
  sortKey: keyof typeof sorts;
  query?: string | null;
  format?: string | null;
  topics?: string[] | null;
  uri?: string | null;
};

const mine = (ctx: SandboxContext) => eq(subscriptions.installationId, ctx.installationId);

export const webhookSubscriptionResolvers: ResolverMap = {
  QueryRoot: {
    webhookSubscription: async (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "WebhookSubscription");
      if (id === null) return null;
      const [row] = await ctx.db
        .select()
        .from(subscriptions)
        .where(and(mine(ctx), eq(subscriptions.id, id)));
      return row ? typed("WebhookSubscription", row) : null;
    },
    webhookSubscriptions: (_: unknown, args: ListArgs, ctx: SandboxContext, info: GraphQLResolveInfo) =>
      paginate<WebhookSubscriptionNode>({
        field: "webhookSubscriptions",
        args,
        sort: sorts[args.sortKey],
        idColumn: subscriptions.id,
        where: and(
          mine(ctx),
          args.format ? eq(subscriptions.format, args.format) : undefined,
          args.topics?.length ? inArray(subscriptions.topic, args.topics) : undefined,
          args.uri ? eq(subscriptions.uri, args.uri) : undefined,
          searchCondition(ctx, info, args.query, search),
        ),
        fetch: async (where, orderBy, limit) =>
          (
            await ctx.db
              .select()
              .from(subscriptions)
              .where(where)
              .orderBy(...orderBy)
              .limit(limit)
          ).map((row) => typed("WebhookSubscription", row)),
      }),
    webhookSubscriptionsCount: (
      _: unknown,
      args: { query?: string | null; limit?: number | null },
      ctx: SandboxContext,
      info: GraphQLResolveInfo,
    ) => {
      const where = and(mine(ctx), searchCondition(ctx, info, args.query, search))!;
      return cappedCount((limit) => countWhere(ctx, sql`${subscriptions}`, where, limit), args.limit);
    },
  },
  Mutation: {
    webhookSubscriptionCreate: async (
      _: unknown,
      args: { topic: WebhookTopicEnum; webhookSubscription: { uri?: string | null; format?: string | null } },
      ctx: SandboxContext,
    ) => {
      const result = await createWebhookSubscription({
        db: ctx.db,
        shopId: ctx.shop.id,
        installationId: ctx.installationId,
        topic: args.topic,
        ...args.webhookSubscription,
      });
      return "userErrors" in result
        ? { webhookSubscription: null, userErrors: result.userErrors }
        : { webhookSubscription: typed("WebhookSubscription", result.subscription), userErrors: [] };
    },
    webhookSubscriptionDelete: async (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "WebhookSubscription");
      const deleted =
        id !== null &&
        (await deleteWebhookSubscription({ db: ctx.db, installationId: ctx.installationId, subscriptionId: id }));
      return deleted
        ? { deletedWebhookSubscriptionId: args.id, userErrors: [] }
        : {
            deletedWebhookSubscriptionId: null,
            userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }],
          };
    },
  },
  WebhookSubscription: {
    id: (row: WebhookSubscriptionNode) => toGid("WebhookSubscription", row.id),
    legacyResourceId: (row: WebhookSubscriptionNode) => row.id,
    callbackUrl: (row: WebhookSubscriptionNode) => row.uri,
    filter: () => null,
    includeFields: () => [],
    metafieldNamespaces: () => [],
    apiVersion: (row: WebhookSubscriptionNode) => ({
      handle: row.apiVersion,
      displayName: row.apiVersion,
      supported: (SANDBOX_API_VERSIONS as readonly string[]).includes(row.apiVersion),
    }),
  },
};
