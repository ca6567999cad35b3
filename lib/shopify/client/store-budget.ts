// One rate budget per store per process: every client for a shop domain shares it, so however
// many callers there are, together they spend the store's bucket at the rate it refills and no
// faster. Callers queue first come, first served; the head waits until the modelled bucket can
// pay its estimated cost (nobody overtakes it, so an expensive request is never starved). Until
// Shopify has reported the bucket once, requests go one at a time.
import { BucketModel, type Reservation, type ThrottleStatus } from "./bucket-model";
import { emptyCallStats, type ShopifyCallStats } from "./call-stats";

/** Cost assumed for a document never seen before and sent without an estimate: 1 s of a Standard plan. */
export const DEFAULT_COST_ESTIMATE = 100;
/** Requests in flight per store at most; bounds the burst that spends a full bucket. */
export const MAX_IN_FLIGHT = 64;

export type ShopifyCost = {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
};

export class BudgetDeadlineError extends Error {}

type Waiter = {
  document: string;
  costEstimate?: number;
  enqueuedAt: number;
  grant: (reservation: Reservation, waitedMs: number) => void;
  drop: () => void;
};

export class StoreBudget {
  readonly stats: ShopifyCallStats = emptyCallStats();
  lastThrottleStatus: ThrottleStatus | null = null;
  private readonly model = new BucketModel();
  private readonly queue: Waiter[] = [];
  private readonly estimates = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pausedUntil = 0;

  constructor(readonly shopDomain: string) {}

  /**
   * Waits until the bucket can afford the request; rejects at `deadline` (BudgetDeadlineError) or
   * on abort. Its cost is estimated when its turn comes, so requests queued before the first
   * answer for a document already use the cost Shopify reported for it.
   */
  acquire(
    { document, costEstimate }: { document: string; costEstimate?: number },
    { signal, deadline }: { signal?: AbortSignal; deadline: number },
  ): Promise<{ reservation: Reservation; waitedMs: number }> {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const waiter: Waiter = {
        document,
        costEstimate,
        enqueuedAt: performance.now(),
        grant: (reservation, waitedMs) => {
          waiter.drop();
          resolve({ reservation, waitedMs });
        },
        drop: () => {
          clearTimeout(expiry);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      const leave = (error: unknown) => {
        waiter.drop();
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(error);
        this.pump();
      };
      const onAbort = () => leave(signal?.reason);
      const expiry = setTimeout(
        () => leave(new BudgetDeadlineError("deadline reached while waiting for the rate budget")),
        Math.max(0, deadline - performance.now()),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Records the answer to a request that held `reservation` (see BucketModel.settle). */
  settle(
    reservation: Reservation,
    { document, cost, charged }: { document: string; cost?: ShopifyCost; charged: number },
  ): void {
    if (cost) {
      this.estimates.set(document, cost.requestedQueryCost);
      this.lastThrottleStatus = cost.throttleStatus;
    }
    this.model.settle(reservation, performance.now(), { status: cost?.throttleStatus, charged });
    this.pump();
  }

  /** Holds every caller back, e.g. for an HTTP 429's Retry-After. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
    this.pump();
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      const now = performance.now();
      if (now < this.pausedUntil) return this.wake(this.pausedUntil - now);
      const limits = this.model.limits;
      // Before the first report one probe at a time; otherwise a settle wakes us up.
      if (this.model.inFlightCount >= (limits ? MAX_IN_FLIGHT : 1)) return;
      // A caller's estimate first (it knows the variables), then Shopify's last price for the document.
      const estimate = head.costEstimate ?? this.estimates.get(head.document) ?? DEFAULT_COST_ESTIMATE;
      const cost = limits ? Math.min(estimate, limits.maximumAvailable) : estimate;
      const wait = limits ? this.model.msUntilAffordable(cost, now) : 0;
      if (wait > 0) return this.wake(wait);
      this.queue.shift();
      head.grant(this.model.reserve(cost, now), now - head.enqueuedAt);
    }
  }

  private wake(ms: number): void {
    this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(ms)));
  }
}

// Kept on globalThis so Next's dev reloads keep one budget per store.
const holder = globalThis as unknown as { __syncoShopifyBudgets?: Map<string, StoreBudget> };

/** The process's budget for a shop domain (created on first use). */
export function storeBudgetFor(shopDomain: string): StoreBudget {
  const budgets = (holder.__syncoShopifyBudgets ??= new Map());
  const key = shopDomain.trim().toLowerCase();
  let budget = budgets.get(key);
  if (!budget) budgets.set(key, (budget = new StoreBudget(key)));
  return budget;
}
