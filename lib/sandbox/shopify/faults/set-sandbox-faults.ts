import { eq, sql } from "drizzle-orm";
import { sandboxShopifyAppInstallations } from "@/db/schema/sandbox-shopify";
import { sandboxShopifyFaults } from "@/db/schema/sandbox-shopify-webhooks";
import { invalidateSandboxAuthCache } from "../authenticate-sandbox-request";
import { defaultSandboxDb, type SandboxDb } from "../sandbox-db";
import { storedFaults, ZSandboxFaultsInput, type SandboxFaults, type TSandboxFaultsInput } from "./sandbox-faults";

export type SetSandboxFaultsOptions = { shopId: number; faults: TSandboxFaultsInput | null; db?: SandboxDb };

/**
 * Replaces a shop's faults (null clears them). A throttle storm also empties every app's bucket as
 * of the storm's end, so the bucket refills from zero once the storm is over.
 */
export async function setSandboxFaults({
  shopId,
  faults,
  db = defaultSandboxDb,
}: SetSandboxFaultsOptions): Promise<SandboxFaults | null> {
  const stored = faults === null ? null : storedFaults(ZSandboxFaultsInput.parse(faults));
  await db.transaction(async (tx) => {
    if (stored === null) {
      await tx.delete(sandboxShopifyFaults).where(eq(sandboxShopifyFaults.shopId, shopId));
      return;
    }
    await tx
      .insert(sandboxShopifyFaults)
      .values({ shopId, settings: stored })
      .onConflictDoUpdate({ target: sandboxShopifyFaults.shopId, set: { settings: stored, updatedAt: sql`now()` } });
    if (stored.throttleStormUntil) {
      await tx
        .update(sandboxShopifyAppInstallations)
        .set({ bucketAvailable: 0, bucketUpdatedAt: new Date(stored.throttleStormUntil) })
        .where(eq(sandboxShopifyAppInstallations.shopId, shopId));
    }
  });
  invalidateSandboxAuthCache();
  return stored;
}
