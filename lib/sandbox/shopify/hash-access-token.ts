import { createHash, randomBytes } from "node:crypto";

/** Only this hash is stored; the token itself is handed out once. */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh offline-style Admin API token, shaped like Shopify's (`shpat_` + 32 hex digits). */
export function newAccessToken(): string {
  return `shpat_${randomBytes(16).toString("hex")}`;
}
