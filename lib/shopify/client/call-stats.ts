// Counters kept per client and per store budget, for benchmarks and the run view.

export type ShopifyCallStats = {
  /** request() calls. */
  requests: number;
  /** HTTP requests sent, retries included. */
  calls: number;
  /** Calls after the first of a request, whatever the reason. */
  retries: number;
  /** THROTTLED answers and HTTP 429s seen (retried or not). */
  throttled: number;
  /** Requests that ended in an error. */
  failures: number;
  /** requestedQueryCost and actualQueryCost of the calls Shopify ran. */
  pointsRequested: number;
  pointsActual: number;
  /** Time spent waiting for the bucket and backing off before retries. */
  waitedMs: number;
};

export const emptyCallStats = (): ShopifyCallStats => ({
  requests: 0,
  calls: 0,
  retries: 0,
  throttled: 0,
  failures: 0,
  pointsRequested: 0,
  pointsActual: 0,
  waitedMs: 0,
});

/** Adds `delta` to every target (a client's counters and its store's). */
export function countInto(targets: ShopifyCallStats[], delta: Partial<ShopifyCallStats>): void {
  for (const target of targets) {
    for (const [key, value] of Object.entries(delta) as [keyof ShopifyCallStats, number][]) target[key] += value;
  }
}
