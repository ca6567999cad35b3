// The one Shopify Admin GraphQL client: every call waits for the store's shared rate budget,
// is priced from Shopify's own cost reports, and is retried (THROTTLED, 429, 5xx, network errors,
// timeouts) with jittered exponential backoff until `maxRetries` or the deadline. What cannot be
// retried surfaces at once as a typed error. The access token never reaches a message or a log.
import "server-only";
import { logger as appLogger } from "@/lib/logger";
import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";
import type { ThrottleStatus } from "./bucket-model";
import { countInto, emptyCallStats, type ShopifyCallStats } from "./call-stats";
import type { AttemptOutcome, ShopifyExtensions } from "./classify-response";
import { ShopifyThrottledError, ShopifyTransportError } from "./errors";
import { backoffMs, sleep, type BackoffOptions } from "./retry-policy";
import { sendGraphqlAttempt } from "./send-graphql-attempt";
import { BudgetDeadlineError, storeBudgetFor } from "./store-budget";

export type ShopifyClientLogger = { warn: (details: object, message: string) => void };

export type CreateShopifyClientOptions = {
  shopDomain: string;
  accessToken: string;
  apiVersion?: string;
  /** Full GraphQL URL, for sandbox stores; real stores use https://{shop}/admin/api/{version}/graphql.json. */
  endpoint?: string;
  /** Per HTTP attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Per request(), waiting and retries included. */
  deadlineMs?: number;
  backoff?: BackoffOptions;
  logger?: ShopifyClientLogger;
};

export type ShopifyRequestOptions = {
  variables?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Expected requestedQueryCost, e.g. when the variables make this call dearer than the last one. */
  costEstimate?: number;
};

export type ShopifyResponse<TData> = { data: TData; extensions: ShopifyExtensions };

export type ShopifyClientStats = {
  client: ShopifyCallStats;
  store: ShopifyCallStats & { throttleStatus: ThrottleStatus | null };
};

export type ShopifyClient = {
  readonly shopDomain: string;
  request<TData = Record<string, unknown>>(
    document: string,
    options?: ShopifyRequestOptions,
  ): Promise<ShopifyResponse<TData>>;
  stats(): ShopifyClientStats;
};

type Retryable = Extract<AttemptOutcome, { kind: "throttled" | "rate-limited" | "transient" }>;

export function createShopifyClient({
  shopDomain,
  accessToken,
  apiVersion = ADMIN_API_VERSION,
  endpoint,
  timeoutMs = 30_000,
  maxRetries = 8,
  deadlineMs = 120_000,
  backoff,
  logger = appLogger.child({ component: "shopify-client", shop: shopDomain }),
}: CreateShopifyClientOptions): ShopifyClient {
  const url = endpoint ?? `https://${shopDomain}/admin/api/${apiVersion}/graphql.json`;
  const budget = storeBudgetFor(shopDomain);
  const mine = emptyCallStats();
  const count = (delta: Partial<ShopifyCallStats>) => countInto([mine, budget.stats], delta);

  const giveUp = (last: Retryable | undefined, attempts: number, why: string) => {
    const options = { shopDomain, cause: last?.kind === "transient" ? last.cause : undefined };
    if (last?.kind === "transient") {
      return new ShopifyTransportError(
        `Shopify request to ${shopDomain} failed ${why} (${attempts} attempts): ${last.reason}`,
        attempts,
        last.status,
        options,
      );
    }
    return new ShopifyThrottledError(
      `Shopify kept ${shopDomain} throttled ${why} (${attempts} attempts)`,
      attempts,
      options,
    );
  };

  async function attempts<TData>(
    document: string,
    { variables = {}, signal, costEstimate }: ShopifyRequestOptions,
  ): Promise<ShopifyResponse<TData>> {
    const deadline = performance.now() + deadlineMs;
    let last: Retryable | undefined;
    let throttledBefore = false;
    for (let attempt = 1; ; attempt++) {
      const slot = await budget.acquire({ document, costEstimate }, { signal, deadline }).catch((error: unknown) => {
        throw error instanceof BudgetDeadlineError ? giveUp(last, attempt - 1, "at the deadline") : error;
      });
      count({ calls: 1, retries: attempt > 1 ? 1 : 0, waitedMs: slot.waitedMs });
      const left = deadline - performance.now();
      const outcome = await sendGraphqlAttempt({
        url,
        shopDomain,
        accessToken,
        document,
        variables,
        signal,
        timeoutMs: Math.min(timeoutMs, left),
      }).catch((error: unknown) => {
        budget.settle(slot.reservation, { document, charged: slot.reservation.cost });
        throw error;
      });
      const { cost } = outcome;
      // Without a cost report: a failure on the way may still have been charged, a refusal was not.
      const charged = cost ? (cost.actualQueryCost ?? 0) : outcome.kind === "transient" ? slot.reservation.cost : 0;
      budget.settle(slot.reservation, { document, cost, charged });
      if (cost?.actualQueryCost != null)
        count({ pointsRequested: cost.requestedQueryCost, pointsActual: cost.actualQueryCost });
      if (outcome.kind === "throttled" || outcome.kind === "rate-limited") count({ throttled: 1 });

      if (outcome.kind === "ok") return { data: outcome.data as TData, extensions: outcome.extensions };
      if (outcome.kind === "fatal") throw outcome.error;
      // An attempt cut short by the deadline says nothing new: report what kept the request waiting.
      if (outcome.kind === "transient" && outcome.timedOut && left < timeoutMs)
        throw giveUp(last ?? outcome, attempt, "at the deadline");
      last = outcome;
      if (cost && cost.requestedQueryCost > cost.throttleStatus.maximumAvailable)
        throw giveUp(last, attempt, "— the query costs more than the bucket holds");
      if (attempt > maxRetries) throw giveUp(last, attempt, "after all retries");
      const delay = retryDelay(outcome, attempt, throttledBefore, backoff);
      throttledBefore ||= outcome.kind === "throttled";
      if (performance.now() + delay >= deadline) throw giveUp(last, attempt, "at the deadline");
      logger.warn(
        { attempt, reason: outcome.kind === "transient" ? outcome.reason : outcome.kind, delayMs: Math.round(delay) },
        "retrying Shopify request",
      );
      // A 429 holds back every caller of the store; a THROTTLED waits in acquire() for the refill.
      if (outcome.kind === "rate-limited") budget.pauseFor(delay);
      else if (delay > 0) {
        await sleep(delay, signal);
        count({ waitedMs: delay });
      }
    }
  }

  return {
    shopDomain,
    async request<TData>(document: string, options: ShopifyRequestOptions = {}) {
      count({ requests: 1 });
      try {
        return await attempts<TData>(document, options);
      } catch (error) {
        count({ failures: 1 });
        // Defence in depth: nothing we build contains the token, but a server could echo it.
        if (error instanceof Error && accessToken && error.message.includes(accessToken))
          error.message = error.message.replaceAll(accessToken, "[redacted]");
        throw error;
      }
    },
    stats: () => ({ client: { ...mine }, store: { ...budget.stats, throttleStatus: budget.lastThrottleStatus } }),
  };
}

// A THROTTLED waits for the refill it implies (in acquire()); a second one means someone else is
// spending the bucket too, so it also backs off. A 429 waits as long as Retry-After says.
function retryDelay(
  outcome: Retryable,
  attempt: number,
  throttledBefore: boolean,
  backoff: BackoffOptions | undefined,
): number {
  if (outcome.kind === "throttled") return throttledBefore ? backoffMs(attempt - 1, backoff) : 0;
  if (outcome.kind === "rate-limited") return outcome.retryAfterMs ?? backoffMs(attempt, backoff);
  return backoffMs(attempt, backoff);
}
