/** Where the Next route is mounted; URLs the sandbox hands out start here on either server. */
export const SANDBOX_SHOPIFY_BASE_PATH = "/api/sandbox/shopify";
