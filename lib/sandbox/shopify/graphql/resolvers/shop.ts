// The shop, and node/nodes: any object the sandbox serves, by global id.
import { and, eq } from "drizzle-orm";
import {
  sandboxShopifyBulkOperations,
  sandboxShopifyMetafieldDefinitions,
  sandboxShopifyMetafields,
  sandboxShopifyOrderLineItems,
  sandboxShopifyOrders,
  sandboxShopifyWebhookSubscriptions,
} from "@/db/schema";
import { parseGid, toGid } from "../../gid";
import { visibleToApp } from "../../metafields/app-namespace";
import { SANDBOX_PLANS } from "../../plans";
import type { SandboxContext } from "../context";
import { typed, type ShopNode } from "../rows";
import { selectBulkOperations } from "./bulk-operations";
import type { ResolverMap } from "./common";
import { ownerMetafieldFields } from "./metafields";

export const shopResolvers: ResolverMap = {
  QueryRoot: {
    shop: (_: unknown, _args: unknown, ctx: SandboxContext) => typed("Shop", { ...ctx.shop }),
    node: (_: unknown, args: { id: string }, ctx: SandboxContext) => loadNode(ctx, args.id),
    nodes: (_: unknown, args: { ids: string[] }, ctx: SandboxContext) => Promise.all(args.ids.map((id) => loadNode(ctx, id))),
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
};

/** The object behind a gid in this shop, or null (malformed, unknown type, other shop, deleted). */
export async function loadNode(ctx: SandboxContext, gid: string): Promise<object | null | undefined> {
  const parsed = parseGid(gid);
  if (!parsed) return null;
  const { loaders, db, shop } = ctx;
  switch (parsed.type) {
    case "Shop":
      return parsed.id === shop.id ? typed("Shop", { ...shop }) : null;
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
        .where(and(eq(sandboxShopifyOrderLineItems.shopId, shop.id), eq(sandboxShopifyOrderLineItems.id, parsed.id)));
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
