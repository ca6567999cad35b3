import {
  sandboxShopifyShops,
  type SandboxAppInstallation,
  type SandboxPlan,
  type SandboxShop,
} from "@/db/schema/sandbox-shopify";
import { installSandboxApp, SANDBOX_DEFAULT_APP } from "./install-sandbox-app";
import { sandboxPlan } from "./plans";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

export type CreateSandboxShopOptions = {
  domain: string;
  name: string;
  plan?: SandboxPlan;
  currencyCode?: string;
  /** Overrides the default bucket of 20 × the plan's restore rate. */
  bucketSize?: number;
  throttleEnabled?: boolean;
  app?: { id: number; handle: string };
  /** Access scopes granted to the app (default: SANDBOX_DEFAULT_SCOPES). */
  scopes?: string[];
  db?: SandboxDb;
};

export type CreatedSandboxShop = { shop: SandboxShop; installation: SandboxAppInstallation; accessToken: string };

const DOMAIN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/** Creates a sandbox shop with the app installed; the access token is returned once, never stored. */
export async function createSandboxShop({
  domain,
  name,
  plan = "standard",
  currencyCode = "USD",
  bucketSize,
  throttleEnabled = true,
  app = SANDBOX_DEFAULT_APP,
  scopes,
  db = defaultSandboxDb,
}: CreateSandboxShopOptions): Promise<CreatedSandboxShop> {
  const normalized = domain.trim().toLowerCase();
  if (!DOMAIN.test(normalized)) throw new Error(`not a shop domain: ${JSON.stringify(domain)}`);
  sandboxPlan(plan);
  return db.transaction(async (tx) => {
    const [shop] = await tx
      .insert(sandboxShopifyShops)
      .values({
        domain: normalized,
        name,
        email: `owner@${normalized}`,
        plan,
        currencyCode,
        bucketSize: bucketSize ?? null,
        throttleEnabled,
      })
      .returning();
    const { installation, accessToken } = await installSandboxApp({ shopId: shop!.id, app, scopes, db: tx });
    return { shop: shop!, installation, accessToken };
  });
}
