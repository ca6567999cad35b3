import type { SandboxShop } from "@/db/schema";
import type { SandboxDb } from "../sandbox-db";
import type { SearchWarning } from "../search/search-to-sql";
import { createLoaders, type SandboxLoaders } from "./loaders";

/** What every resolver gets: the shop and app the request is authenticated as. */
export type SandboxContext = {
  db: SandboxDb;
  shop: SandboxShop;
  /** The calling app's API client id, for `$app` namespaces. */
  appId: number;
  loaders: SandboxLoaders;
  /** `extensions.search` entries: search terms Shopify would have ignored, and why. */
  searchWarnings: { path: (string | number)[]; query: string; warnings: SearchWarning[] }[];
};

export function createSandboxContext({ db, shop, appId }: { db: SandboxDb; shop: SandboxShop; appId: number }): SandboxContext {
  return { db, shop, appId, loaders: createLoaders(db, shop.id), searchWarnings: [] };
}
