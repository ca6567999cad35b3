// Provisioning: how much a sandbox shop's metafieldsDelete takes per call (250 by default; 25 for a
// shop that refuses the larger call, so a client's fallback can be tested). Takes effect at once in
// this process, and within the auth cache's lifetime in others.
import { eq } from "drizzle-orm";
import { sandboxShopifyShops } from "@/db/schema/sandbox-shopify";
import { invalidateSandboxAuthCache } from "./authenticate-sandbox-request";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export async function setSandboxShopLimits({
  shopId,
  metafieldsDeleteLimit,
  db = defaultSandboxDb,
}: {
  shopId: number;
  metafieldsDeleteLimit: number;
  db?: SandboxDb;
}): Promise<void> {
  if (!Number.isInteger(metafieldsDeleteLimit) || metafieldsDeleteLimit < 1 || metafieldsDeleteLimit > 250)
    throw new Error("metafieldsDeleteLimit must be a whole number from 1 to 250");
  await db.update(sandboxShopifyShops).set({ metafieldsDeleteLimit }).where(eq(sandboxShopifyShops.id, shopId));
  invalidateSandboxAuthCache();
}
