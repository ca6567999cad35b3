import type { Metadata } from "next";
import { StoresDashboard } from "@/components/stores/stores-dashboard";
import { requireActiveMembership } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Stores" };

// The same dashboard as `/`; Shopify's OAuth callback lands here, with `oauth_error` when it failed.
export default async function StoresPage({
  searchParams,
}: {
  searchParams: Promise<{ oauth_error?: string | string[] }>;
}) {
  const { oauth_error: oauthError } = await searchParams;
  await requireActiveMembership(
    typeof oauthError === "string" ? `/stores?oauth_error=${encodeURIComponent(oauthError)}` : "/stores",
  );
  return <StoresDashboard oauthError={typeof oauthError === "string" ? oauthError : undefined} />;
}
