import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { sandboxShopifyAppInstallations, sandboxShopifyShops, type SandboxAppInstallation, type SandboxShop } from "@/db/schema";
import { hashAccessToken } from "./hash-access-token";
import type { SandboxDb } from "./sandbox-db";

export type SandboxCaller = { shop: SandboxShop; installation: SandboxAppInstallation };

// Every request runs this lookup: a named prepared statement spares PostgreSQL re-planning it.
const prepared = new WeakMap<SandboxDb, ReturnType<typeof prepare>>();

function prepare(db: SandboxDb) {
  return db
    .select({ shop: getTableColumns(sandboxShopifyShops), installation: getTableColumns(sandboxShopifyAppInstallations) })
    .from(sandboxShopifyShops)
    .leftJoin(
      sandboxShopifyAppInstallations,
      and(
        eq(sandboxShopifyAppInstallations.shopId, sandboxShopifyShops.id),
        eq(sandboxShopifyAppInstallations.accessTokenHash, sql.placeholder("tokenHash")),
      ),
    )
    .where(eq(sandboxShopifyShops.domain, sql.placeholder("domain")))
    .prepare("sandbox_shopify_authenticate");
}

/** The shop and app a token belongs to: "no-shop" when the domain is unknown, "bad-token" when the token is not this shop's. */
export async function authenticateSandboxRequest({ db, domain, accessToken }: { db: SandboxDb; domain: string; accessToken: string | null }): Promise<
  SandboxCaller | "no-shop" | "bad-token"
> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepare(db)));
  const [row] = await query.execute({ domain: domain.toLowerCase(), tokenHash: hashAccessToken(accessToken ?? "") });
  if (!row) return "no-shop";
  if (!accessToken || !row.installation) return "bad-token";
  return { shop: row.shop, installation: row.installation };
}
