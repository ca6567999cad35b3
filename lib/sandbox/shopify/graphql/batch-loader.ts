// A minimal per-request batch loader: every key asked for in the same tick is fetched by one
// query. Lists of orders asking for their customer, or products for one metafield each, cost one
// round trip instead of one per row.
export type Loader<K, V> = (key: K) => Promise<V | undefined>;

export function batchLoader<K, V>(
  loadMany: (keys: K[]) => Promise<Map<K, V>>,
  keyOf: (key: K) => string = String,
): Loader<K, V> {
  let queue: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    const unique = [...new Map(batch.map((entry) => [keyOf(entry.key), entry.key])).values()];
    loadMany(unique).then(
      (found) => {
        const byKey = new Map([...found].map(([key, value]) => [keyOf(key), value]));
        for (const entry of batch) entry.resolve(byKey.get(keyOf(entry.key)));
      },
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  };
  return (key) =>
    new Promise((resolve, reject) => {
      // Like DataLoader: wait until the promise jobs queued by sibling resolvers have run.
      if (queue.length === 0) void Promise.resolve().then(() => process.nextTick(flush));
      queue.push({ key, resolve, reject });
    });
}
