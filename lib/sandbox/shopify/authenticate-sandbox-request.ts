// Who is calling: the shop named by the request and the app installation its token belongs to,
// plus the shop's faults. Every request runs this, so answers are cached for a short time
// (SANDBOX_SHOPIFY_AUTH_CACHE_MS, default 2 s) and the cache is cleared in this process whenever
// a token, an installation or a shop's faults change; other processes see the change within the TTL.
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import {
  sandboxShopifyAppInstallations,
  sandboxShopifyShops,
  type SandboxAppInstallation,
  type SandboxShop,
} from "@/db/schema/sandbox-shopify";
import { sandboxShopifyFaults } from "@/db/schema/sandbox-shopify-webhooks";
import type { SandboxFaults } from "./faults/sandbox-faults";
import { hashAccessToken } from "./hash-access-token";
import type { SandboxDb } from "./sandbox-db";

export type SandboxCaller = {
  shop: SandboxShop;
  installation: SandboxAppInstallation;
  faults: SandboxFaults | null;
  /** When the faults were last set: a new setting restarts their seeded sequence. */
  faultsVersion: string | null;
};

// A named prepared statement spares PostgreSQL re-planning the lookup.
const prepared = new WeakMap<SandboxDb, ReturnType<typeof prepare>>();

function prepare(db: SandboxDb) {
  return db
    .select({
      shop: getTableColumns(sandboxShopifyShops),
      installation: getTableColumns(sandboxShopifyAppInstallations),
      faults: sandboxShopifyFaults.settings,
      faultsUpdatedAt: sandboxShopifyFaults.updatedAt,
    })
    .from(sandboxShopifyShops)
    .leftJoin(
      sandboxShopifyAppInstallations,
      and(
        eq(sandboxShopifyAppInstallations.shopId, sandboxShopifyShops.id),
        eq(sandboxShopifyAppInstallations.accessTokenHash, sql.placeholder("tokenHash")),
      ),
    )
    .leftJoin(sandboxShopifyFaults, eq(sandboxShopifyFaults.shopId, sandboxShopifyShops.id))
    .where(eq(sandboxShopifyShops.domain, sql.placeholder("domain")))
    .prepare("sandbox_shopify_authenticate_v2");
}

const TTL_MS = Number(process.env.SANDBOX_SHOPIFY_AUTH_CACHE_MS ?? 2000);
const MAX_ENTRIES = 10_000;
// Only successful lookups are kept: a shop or token created a moment ago is never refused from cache.
const cache = new Map<string, { caller: SandboxCaller; expires: number }>();

/** Forgets every cached caller (tokens rotated, apps uninstalled, faults changed). */
export function invalidateSandboxAuthCache(): void {
  cache.clear();
}

/** The shop and app a token belongs to: "no-shop" when the domain is unknown, "bad-token" when the token is not this shop's. */
export async function authenticateSandboxRequest({
  db,
  domain,
  accessToken,
}: {
  db: SandboxDb;
  domain: string;
  accessToken: string | null;
}): Promise<SandboxCaller | "no-shop" | "bad-token"> {
  // Keyed by the token itself: a hit costs no hashing. The cache lives in this process only.
  const key = `${domain.toLowerCase()}\n${accessToken ?? ""}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.caller;
  const tokenHash = hashAccessToken(accessToken ?? "");

  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepare(db)));
  const [row] = await query.execute({ domain: domain.toLowerCase(), tokenHash });
  if (!row) return "no-shop";
  if (!accessToken || !row.installation) return "bad-token";
  const caller: SandboxCaller = {
    shop: row.shop,
    installation: row.installation,
    faults: (row.faults as SandboxFaults | null) ?? null,
    faultsVersion: row.faultsUpdatedAt?.toISOString() ?? null,
  };
  if (TTL_MS > 0) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { caller, expires: now + TTL_MS });
  }
  return caller;
}
