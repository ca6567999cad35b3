// What `npm run sandbox:shopify -- --shop <domain> [--plan <plan>]` does: create the shop with
// the app installed, or give an existing one a fresh token — and the plan asked for, so a rerun
// with another plan changes it rather than silently keeping the old one.
import { eq, sql } from "drizzle-orm";
import { sandboxShopifyShops } from "@/db/schema/sandbox-shopify";
import { invalidateSandboxAuthCache } from "./authenticate-sandbox-request";
import { createSandboxShop } from "./create-sandbox-shop";
import { sandboxPlan } from "./plans";
import { rotateSandboxAccessToken } from "./rotate-sandbox-access-token";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export async function prepareSandboxShop({
  domain,
  plan: planName,
  db = defaultSandboxDb,
}: {
  domain: string;
  plan: string;
  db?: SandboxDb;
}): Promise<{ accessToken: string; created: boolean }> {
  const plan = sandboxPlan(planName, "--plan");
  const rotated = await rotateSandboxAccessToken({ domain, db });
  if (rotated === null) {
    const { accessToken } = await createSandboxShop({ domain, name: domain, plan, db });
    return { accessToken, created: true };
  }
  await db
    .update(sandboxShopifyShops)
    .set({ plan, updatedAt: sql`now()` })
    .where(eq(sandboxShopifyShops.domain, domain.toLowerCase()));
  invalidateSandboxAuthCache();
  return { accessToken: rotated, created: false };
}
