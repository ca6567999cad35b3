// Shopify's per-plan GraphQL Admin rate limits (points restored per second, per app and store)
// and the API versions the sandbox answers. Bucket size defaults to 20 × the restore rate, which
// is what real stores report (maximumAvailable 2000 at restoreRate 100).
import type { SandboxPlan, SandboxShop } from "@/db/schema/sandbox-shopify";

export const SANDBOX_API_VERSIONS = ["2026-01"] as const;
export type SandboxApiVersion = (typeof SANDBOX_API_VERSIONS)[number];

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

export function isSandboxApiVersion(version: string): version is SandboxApiVersion {
  return (SANDBOX_API_VERSIONS as readonly string[]).includes(version);
}
