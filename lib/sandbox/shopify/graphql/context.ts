import type { SandboxAppInstallation, SandboxShop } from "@/db/schema/sandbox-shopify";
import type { SandboxDb } from "../sandbox-db";
import type { SearchWarning } from "../search/search-to-sql";
import { ordersVisibleSince } from "./access-scopes";
import { createLoaders, type SandboxLoaders } from "./loaders";

/** What every resolver gets: the shop and app the request is authenticated as. */
export type SandboxContext = {
  db: SandboxDb;
  shop: SandboxShop;
  /** The calling app's API client id, for `$app` namespaces. */
  appId: number;
  /** The calling app's installation: bulk operations and webhook subscriptions belong to it. */
  installationId: number;
  /** The installation's granted access scopes. */
  scopes: ReadonlySet<string>;
  /** Orders created before this are invisible (no `read_all_orders`); null: every order. */
  ordersSince: Date | null;
  /** Origin the client reached the sandbox at, for the URLs the sandbox hands out. */
  publicUrl: string;
  loaders: SandboxLoaders;
  /** Batch loaders of nested connections' first pages, one per connection field and arguments. */
  connectionBatches: Map<string, unknown>;
  /** `extensions.search` entries: search terms Shopify would have ignored, and why. */
  searchWarnings: { path: (string | number)[]; query: string; warnings: SearchWarning[] }[];
};

export type CreateSandboxContextOptions = {
  db: SandboxDb;
  shop: SandboxShop;
  installation: Pick<SandboxAppInstallation, "id" | "appId" | "scopes">;
  publicUrl: string;
};

export function createSandboxContext({
  db,
  shop,
  installation,
  publicUrl,
}: CreateSandboxContextOptions): SandboxContext {
  const scopes = new Set(installation.scopes);
  const ordersSince = ordersVisibleSince(scopes);
  return {
    db,
    shop,
    appId: installation.appId,
    installationId: installation.id,
    scopes,
    ordersSince,
    publicUrl,
    loaders: createLoaders(db, shop.id, ordersSince),
    connectionBatches: new Map(),
    searchWarnings: [],
  };
}
