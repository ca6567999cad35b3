import type { Actor } from "@/lib/audit/record-audit";

/** How the audit log names changes Shopify asked for by webhook (no user of ours did them). */
export const SHOPIFY_ACTOR: Actor = {
  userId: "shopify",
  email: "Shopify",
  name: "Shopify",
  ip: null,
  userAgent: "Shopify webhook",
};
