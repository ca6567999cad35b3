// The shop, the calling app's installation, and node/nodes: any object the sandbox serves, by global id.
import { and, eq, gte } from "drizzle-orm";
import {
  sandboxShopifyAppInstallations,
  sandboxShopifyMetafieldDefinitions,
  sandboxShopifyMetafields,
  sandboxShopifyOrderLineItems,
  sandboxShopifyOrders,
  type SandboxAppInstallation,
} from "@/db/schema/sandbox-shopify";
import { sandboxShopifyBulkOperations } from "@/db/schema/sandbox-shopify-bulk";
import { sandboxShopifyWebhookSubscriptions } from "@/db/schema/sandbox-shopify-webhooks";
import { parseGid, toGid } from "../../gid";
import { visibleToApp } from "../../metafields/app-namespace";
import { SANDBOX_PLANS } from "../../plans";
import { accessDenied, hasScope, readScopeOf } from "../access-scopes";
import type { SandboxContext } from "../context";
import { typed, type ShopNode } from "../rows";
import { selectBulkOperations } from "./bulk-operations";
import type { ResolverMap } from "./common";
import { ownerMetafieldFields } from "./metafields";

type InstallationNode = SandboxAppInstallation & { __typename: "AppInstallation" };
type AppNode = { __typename: "App"; id: number; handle: string };

export const shopResolvers: ResolverMap = {
  QueryRoot: {
    shop: (_: unknown, _args: unknown, ctx: SandboxContext) => typed("Shop", { ...ctx.shop }),
    currentAppInstallation: async (_: unknown, _args: unknown, ctx: SandboxContext) =>
      (await loadInstallation(ctx, ctx.installationId))!,
    node: (_: unknown, args: { id: string }, ctx: SandboxContext) => loadScopedNode(ctx, args.id, "node"),
    // An id the token's scopes do not reach is null with its own ACCESS_DENIED error at [nodes, i].
    nodes: (_: unknown, args: { ids: string[] }, ctx: SandboxContext) =>
      Promise.all(args.ids.map((id) => loadScopedNode(ctx, id, "nodes"))),
  },
  Shop: {
    id: (shop: ShopNode) => toGid("Shop", shop.id),
    myshopifyDomain: (shop: ShopNode) => shop.domain,
    contactEmail: (shop: ShopNode) => shop.email,
    ianaTimezone: () => "UTC",
    url: (shop: ShopNode) => `https://${shop.domain}`,
    plan: (shop: ShopNode) => ({
      displayName: SANDBOX_PLANS[shop.plan].displayName,
      publicDisplayName: SANDBOX_PLANS[shop.plan].displayName,
      partnerDevelopment: true,
      shopifyPlus: SANDBOX_PLANS[shop.plan].shopifyPlus,
    }),
    ...ownerMetafieldFields("SHOP"),
  },
  AppInstallation: {
    id: (installation: InstallationNode) => toGid("AppInstallation", installation.id),
    accessScopes: (installation: InstallationNode) =>
      withImpliedScopes(installation.scopes).map((handle) => ({ handle })),
    app: (installation: InstallationNode) => appNode(installation),
  },
  App: {
    id: (app: AppNode) => toGid("App", app.id),
  },
};

/**
 * The granted scopes followed by the read scopes their write scopes imply: Shopify lists both
 * (`write_products`, later `read_products`), since a write scope grants read access too.
 */
function withImpliedScopes(scopes: string[]): string[] {
  const implied = scopes
    .filter((scope) => /^(unauthenticated_)?write_/.test(scope))
    .map((scope) => scope.replace("write_", "read_"));
  return [...new Set([...scopes, ...implied])];
}

/** The calling app's own installation (another app's is not visible), or null. */
async function loadInstallation(ctx: SandboxContext, id: number): Promise<InstallationNode | null> {
  if (id !== ctx.installationId) return null;
  const table = sandboxShopifyAppInstallations;
  const [row] = await ctx.db.select().from(table).where(eq(table.id, id));
  return row ? typed("AppInstallation", row) : null;
}

/** The calling app itself (the sandbox shows no other app), or null. */
async function loadApp(ctx: SandboxContext, id: number): Promise<AppNode | null> {
  const installation = id === ctx.appId ? await loadInstallation(ctx, ctx.installationId) : null;
  return installation ? appNode(installation) : null;
}

function appNode(installation: SandboxAppInstallation): AppNode {
  return typed("App", { id: installation.appId, handle: installation.appHandle });
}

function loadScopedNode(ctx: SandboxContext, gid: string, fieldName: string) {
  const scope = readScopeOf(parseGid(gid)?.type ?? "");
  if (scope && !hasScope(ctx.scopes, scope)) return accessDenied(fieldName, scope);
  return loadNode(ctx, gid);
}

/** The object behind a gid in this shop, or null (malformed, unknown type, other shop, deleted). */
export async function loadNode(ctx: SandboxContext, gid: string): Promise<object | null | undefined> {
  const parsed = parseGid(gid);
  if (!parsed) return null;
  const { loaders, db, shop } = ctx;
  switch (parsed.type) {
    case "Shop":
      return parsed.id === shop.id ? typed("Shop", { ...shop }) : null;
    case "AppInstallation":
      return loadInstallation(ctx, parsed.id);
    case "App":
      return loadApp(ctx, parsed.id);
    case "Product":
      return loaders.product(parsed.id);
    case "ProductVariant":
      return loaders.variant(parsed.id);
    case "Customer":
      return loaders.customer(parsed.id);
    case "Order":
      return loaders.order(parsed.id);
    case "LineItem": {
      const [row] = await db
        .select({ item: sandboxShopifyOrderLineItems, currencyCode: sandboxShopifyOrders.currencyCode })
        .from(sandboxShopifyOrderLineItems)
        .innerJoin(sandboxShopifyOrders, eq(sandboxShopifyOrders.id, sandboxShopifyOrderLineItems.orderId))
        .where(
          and(
            eq(sandboxShopifyOrderLineItems.shopId, shop.id),
            eq(sandboxShopifyOrderLineItems.id, parsed.id),
            ctx.ordersSince ? gte(sandboxShopifyOrders.createdAt, ctx.ordersSince) : undefined,
          ),
        );
      return row ? typed("LineItem", { ...row.item, currencyCode: row.currencyCode }) : null;
    }
    case "Metafield": {
      const table = sandboxShopifyMetafields;
      const [row] = await db
        .select()
        .from(table)
        .where(and(eq(table.shopId, shop.id), eq(table.id, parsed.id), visibleToApp(table.namespace, ctx.appId)));
      return row ? typed("Metafield", row) : null;
    }
    case "MetafieldDefinition": {
      const table = sandboxShopifyMetafieldDefinitions;
      const [row] = await db
        .select()
        .from(table)
        .where(and(eq(table.shopId, shop.id), eq(table.id, parsed.id), visibleToApp(table.namespace, ctx.appId)));
      return row ? typed("MetafieldDefinition", row) : null;
    }
    case "BulkOperation":
      return (await selectBulkOperations(ctx, eq(sandboxShopifyBulkOperations.id, parsed.id)))[0] ?? null;
    case "WebhookSubscription": {
      const table = sandboxShopifyWebhookSubscriptions;
      const [row] = await db
        .select()
        .from(table)
        .where(and(eq(table.installationId, ctx.installationId), eq(table.id, parsed.id)));
      return row ? typed("WebhookSubscription", row) : null;
    }
    default:
      return null;
  }
}
