import { and, eq, getTableColumns } from "drizzle-orm";
import { sandboxShopifyAppInstallations, sandboxShopifyShops, type SandboxAppInstallation, type SandboxShop } from "@/db/schema";
import { hashAccessToken } from "./hash-access-token";
import type { SandboxDb } from "./sandbox-db";

export type SandboxCaller = { shop: SandboxShop; installation: SandboxAppInstallation };

/** The shop and app a token belongs to: "no-shop" when the domain is unknown, "bad-token" when the token is not this shop's. */
export async function authenticateSandboxRequest({ db, domain, accessToken }: { db: SandboxDb; domain: string; accessToken: string | null }): Promise<
  SandboxCaller | "no-shop" | "bad-token"
> {
  const [row] = await db
    .select({ shop: getTableColumns(sandboxShopifyShops), installation: getTableColumns(sandboxShopifyAppInstallations) })
    .from(sandboxShopifyShops)
    .leftJoin(
      sandboxShopifyAppInstallations,
      and(
        eq(sandboxShopifyAppInstallations.shopId, sandboxShopifyShops.id),
        eq(sandboxShopifyAppInstallations.accessTokenHash, hashAccessToken(accessToken ?? "")),
      ),
    )
    .where(eq(sandboxShopifyShops.domain, domain.toLowerCase()));
  if (!row) return "no-shop";
  if (!accessToken || !row.installation) return "bad-token";
  return { shop: row.shop, installation: row.installation };
}
