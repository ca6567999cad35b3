import type { Store } from "@/components/api/stores";

/** How a store is connected, in the words the store's pages use. */
export const CONNECTION_METHOD: Record<Store["connectionMethod"], string> = {
  token: "Connected with a custom app's access token",
  oauth: "Connected through Shopify (OAuth)",
  sandbox: "Sandbox store",
};
