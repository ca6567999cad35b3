// Shopify's per-plan GraphQL Admin rate limits (points restored per second, per app and store)
// and the API versions the sandbox answers. Bucket size defaults to 20 × the restore rate, which
// is what real stores report (maximumAvailable 2000 at restoreRate 100).
import { SANDBOX_PLAN_NAMES, type SandboxPlan, type SandboxShop } from "@/db/schema/sandbox-shopify";

export { SANDBOX_PLAN_NAMES };

/**
 * The stable versions Shopify supported while 2026-01 was current (each is supported for a year),
 * oldest first. They all serve the same subset — the sandbox models 2026-01 — as the product only
 * uses fields these versions share.
 */
export const SANDBOX_API_VERSIONS = ["2025-04", "2025-07", "2025-10", "2026-01"] as const;
export type SandboxApiVersion = (typeof SANDBOX_API_VERSIONS)[number];
/** The version the sandbox's schema is, and webhook subscriptions are created with. */
export const SANDBOX_SCHEMA_VERSION: SandboxApiVersion = "2026-01";

const RELEASE = /^(\d{4})-(01|04|07|10)$/;

/**
 * The version a request naming `requested` is answered with (the `X-Shopify-API-Version` header):
 * a supported one itself; an older release, no longer supported, the oldest supported one
 * (Shopify falls forward rather than fail); anything else (a release still to come, a malformed
 * name) null, which is a 404.
 */
export function servedApiVersion(requested: string): SandboxApiVersion | null {
  if ((SANDBOX_API_VERSIONS as readonly string[]).includes(requested)) return requested as SandboxApiVersion;
  return RELEASE.test(requested) && requested < SANDBOX_API_VERSIONS[0] ? SANDBOX_API_VERSIONS[0] : null;
}

export const SANDBOX_PLANS: Record<SandboxPlan, { restoreRate: number; displayName: string; shopifyPlus: boolean }> = {
  standard: { restoreRate: 100, displayName: "Basic", shopifyPlus: false },
  advanced: { restoreRate: 200, displayName: "Advanced", shopifyPlus: false },
  plus: { restoreRate: 1000, displayName: "Plus", shopifyPlus: true },
  enterprise: { restoreRate: 2000, displayName: "Enterprise", shopifyPlus: true },
};

/** A single query may not request more than this, whatever the bucket holds. */
export const MAX_SINGLE_QUERY_COST = 1000;

export type ThrottleLimits = { restoreRate: number; maximumAvailable: number };

export function throttleLimits(shop: Pick<SandboxShop, "plan" | "bucketSize">): ThrottleLimits {
  const restoreRate = SANDBOX_PLANS[shop.plan].restoreRate;
  return { restoreRate, maximumAvailable: shop.bucketSize ?? restoreRate * 20 };
}

/** The plan named, or an error that lists the sandbox's plans: every entry point checks it (the table does too). */
export function sandboxPlan(name: string, what = "plan"): SandboxPlan {
  if ((SANDBOX_PLAN_NAMES as readonly string[]).includes(name)) return name as SandboxPlan;
  throw new Error(
    `${what} must be one of ${SANDBOX_PLAN_NAMES.join(", ")} (Shopify's Basic is "standard"), not ${JSON.stringify(name)}`,
  );
}
