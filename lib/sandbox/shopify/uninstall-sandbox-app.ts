import { and, eq } from "drizzle-orm";
import { sandboxShopifyAppInstallations, sandboxShopifyShops } from "@/db/schema/sandbox-shopify";
import { invalidateSandboxAuthCache } from "./authenticate-sandbox-request";
import { onSandboxChange } from "./on-sandbox-change";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";
import { shopPayload } from "./webhook-payloads";

export type UninstallSandboxAppOptions = { shopId: number; appId: number; db?: SandboxDb };

/**
 * Removes an app installation: its token stops working, its subscriptions and bulk operations go,
 * and the app gets app/uninstalled (queued before the subscriptions are deleted). False when the
 * app was not installed.
 */
export async function uninstallSandboxApp({
  shopId,
  appId,
  db = defaultSandboxDb,
}: UninstallSandboxAppOptions): Promise<boolean> {
  const removed = await db.transaction(async (tx) => {
    const [installation] = await tx
      .select({ id: sandboxShopifyAppInstallations.id })
      .from(sandboxShopifyAppInstallations)
      .where(and(eq(sandboxShopifyAppInstallations.shopId, shopId), eq(sandboxShopifyAppInstallations.appId, appId)))
      .for("update");
    const [shop] = await tx.select().from(sandboxShopifyShops).where(eq(sandboxShopifyShops.id, shopId));
    if (!installation || !shop) return false;
    await onSandboxChange({
      shopId,
      topic: "app/uninstalled",
      payload: shopPayload(shop),
      tx,
      installationId: installation.id,
    });
    await tx.delete(sandboxShopifyAppInstallations).where(eq(sandboxShopifyAppInstallations.id, installation.id));
    return true;
  });
  if (removed) invalidateSandboxAuthCache();
  return removed;
}
