import { and, eq } from "drizzle-orm";
import { sandboxShopifyAppInstallations, sandboxShopifyShops } from "@/db/schema/sandbox-shopify";
import { invalidateSandboxAuthCache } from "./authenticate-sandbox-request";
import { hashAccessToken, newAccessToken } from "./hash-access-token";
import { SANDBOX_DEFAULT_APP } from "./install-sandbox-app";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

/** Replaces an installed app's access token (the old one stops working) and returns the new one, once. */
export async function rotateSandboxAccessToken({
  domain,
  appId = SANDBOX_DEFAULT_APP.id,
  db = defaultSandboxDb,
}: {
  domain: string;
  appId?: number;
  db?: SandboxDb;
}): Promise<string | null> {
  const [shop] = await db
    .select({ id: sandboxShopifyShops.id })
    .from(sandboxShopifyShops)
    .where(eq(sandboxShopifyShops.domain, domain.toLowerCase()));
  if (!shop) return null;
  const accessToken = newAccessToken();
  const updated = await db
    .update(sandboxShopifyAppInstallations)
    .set({ accessTokenHash: hashAccessToken(accessToken) })
    .where(and(eq(sandboxShopifyAppInstallations.shopId, shop.id), eq(sandboxShopifyAppInstallations.appId, appId)))
    .returning({ id: sandboxShopifyAppInstallations.id });
  invalidateSandboxAuthCache();
  return updated.length ? accessToken : null;
}
