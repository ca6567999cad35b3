import { randomBytes } from "node:crypto";
import { sandboxShopifyAppInstallations, type SandboxAppInstallation } from "@/db/schema/sandbox-shopify";
import { hashAccessToken, newAccessToken } from "./hash-access-token";
import { defaultSandboxDb, type SandboxDb } from "./sandbox-db";

/** The app the sandbox installs by default: the Synco dashboard itself. */
export const SANDBOX_DEFAULT_APP = { id: 27_182_818, handle: "synco" } as const;

/** What the sandbox grants unless told otherwise: the scopes the product asks for, `read_all_orders` included. */
export const SANDBOX_DEFAULT_SCOPES = [
  "read_products",
  "write_products",
  "read_customers",
  "write_customers",
  "read_orders",
  "write_orders",
  "read_all_orders",
];

export type InstallSandboxAppOptions = {
  shopId: number;
  app?: { id: number; handle: string };
  scopes?: string[];
  db?: SandboxDb;
};

/** Installs an app on a sandbox shop and returns its access token — the only time it is readable. */
export async function installSandboxApp({
  shopId,
  app = SANDBOX_DEFAULT_APP,
  scopes = SANDBOX_DEFAULT_SCOPES,
  db = defaultSandboxDb,
}: InstallSandboxAppOptions): Promise<{ installation: SandboxAppInstallation; accessToken: string }> {
  const accessToken = newAccessToken();
  const [installation] = await db
    .insert(sandboxShopifyAppInstallations)
    .values({
      shopId,
      appId: app.id,
      appHandle: app.handle,
      accessTokenHash: hashAccessToken(accessToken),
      apiSecret: randomBytes(32).toString("hex"),
      scopes,
    })
    .returning();
  return { installation: installation!, accessToken };
}
