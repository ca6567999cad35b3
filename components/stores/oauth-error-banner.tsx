"use client";

import { Banner } from "@shopify/polaris";
import { usePathname, useRouter } from "next/navigation";

// The reasons the OAuth callback sends back (`/stores?oauth_error=<reason>`), said plainly.
const REASONS: Record<string, string> = {
  denied: "Shopify did not grant access, so nothing was connected.",
  invalid_hmac: "Shopify's answer could not be verified, so nothing was connected. Start again from Add store.",
  invalid_state:
    "Synco did not recognise this connection request. It may have been started in another browser or already used. Start again from Add store.",
  expired_state:
    "The connection request expired before Shopify sent you back (requests last 10 minutes). Start again from Add store.",
  shop_mismatch:
    "Shopify sent you back from a different store than the one you asked to connect. Check the shop domain and start again.",
  token_exchange_failed:
    "Shopify approved the connection, but Synco could not obtain an access token from it. Try again; if it keeps failing, check the app's API key and secret.",
  already_connected:
    "This Shopify store is already connected to another organization on Synco. Disconnect it there first.",
};

/** Why connecting a Shopify store failed; dismissing it drops the reason from the address. */
export function OauthErrorBanner({ reason }: { reason: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <Banner tone="critical" title="The Shopify store was not connected" onDismiss={() => router.replace(pathname)}>
      <p>{REASONS[reason] ?? "Connecting the store did not complete. Start again from Add store."}</p>
    </Banner>
  );
}
