// What a clear of a store covers: the metafield keys per resource type (the `sync` key in the
// current namespace and every earlier one, and the legacy keys), the strategy, and an estimate.
import type { Store } from "@/db/schema/stores";
import { SYNC_METAFIELD_KEY, type ClearStrategy } from "@/lib/vocabulary/clear";
import type { ResourceType } from "@/lib/vocabulary/sync";

/** Above this many known metafields `auto` uses a bulk mutation: paged would take over 4 s of a Standard plan's budget. */
export const BULK_THRESHOLD = 10_000;

/** Every `namespace.key` the clear deletes: Synco's key in each namespace used, then the legacy keys. */
export function clearedKeys(store: Pick<Store, "metafieldNamespace" | "previousNamespaces" | "clearLegacyKeys">) {
  const namespaces = [
    store.metafieldNamespace,
    ...store.previousNamespaces.filter((ns) => ns !== store.metafieldNamespace),
  ];
  return [...new Set([...namespaces.map((ns) => `${ns}.${SYNC_METAFIELD_KEY}`), ...store.clearLegacyKeys])];
}

export function keysByType(keys: string[], scope: ResourceType[]): Partial<Record<ResourceType, string[]>> {
  return Object.fromEntries(scope.map((type) => [type, keys]));
}

export function chooseStrategy(store: Pick<Store, "clearStrategy">, knownMetafields: number): ClearStrategy {
  if (store.clearStrategy !== "auto") return store.clearStrategy;
  return knownMetafields > BULK_THRESHOLD ? "bulk" : "paged";
}

/**
 * Seconds a clear should take, from measured rates (docs/benchmarks.md, bench:clear): paged
 * deletes at the Standard plan's floor (2,500 metafields/s, the first 2,000 points free from a
 * full bucket), a bulk mutation at about 10,000 a second after ~5 s of setup, the search over
 * the items at about 20,000 items a second, and the database at about 100,000 rows a second.
 */
export function estimateSeconds({
  strategy,
  knownMetafields,
  items,
  mappings,
}: {
  strategy: ClearStrategy;
  knownMetafields: number;
  items: number;
  mappings: number;
}): number {
  const calls = Math.ceil(knownMetafields / 250);
  const shopify =
    strategy === "paged" ? Math.max(calls * 0.05, (calls * 10 - 2000) / 100) : 5 + knownMetafields / 10_000;
  const search = 3 + items / 20_000;
  return Math.ceil(shopify + search + mappings / 100_000);
}
