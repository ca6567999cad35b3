// When the app's configured scopes grow (SHOPIFY_SCOPES), stores authorised with the old set must
// be re-authorised. Checked whenever stores are read, so the dashboard shows it at once.
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stores, type Store } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { configuredScopes } from "@/lib/shopify/oauth/oauth-config";
import { scopesCover } from "@/lib/shopify/oauth/shopify-api";
import { storeCredentials } from "./store-credentials";

/** Returns the rows with `needs_reauth` set where a store's recorded granted scopes fall short. */
export async function checkGrantedScopes(rows: Store[]): Promise<Store[]> {
  const required = configuredScopes();
  const short = rows.filter((row) => {
    if (row.kind !== "shopify" || row.status !== "connected") return false;
    // OAuth and token stores record the scopes Shopify reported. Token stores connected before
    // tokens' scopes were read recorded none; they are left as they are.
    const granted = storeCredentials(row)?.scopes ?? [];
    return granted.length > 0 && !scopesCover(granted, required);
  });
  if (short.length === 0) return rows;
  const ids = short.map((row) => row.id);
  for (const row of short) {
    await db
      .update(stores)
      .set({ status: "needs_reauth", updatedAt: new Date() })
      .where(and(storeScope({ storeId: row.id, organizationId: row.organizationId }), eq(stores.status, "connected")));
  }
  return rows.map((row) => (ids.includes(row.id) ? { ...row, status: "needs_reauth" as const } : row));
}
