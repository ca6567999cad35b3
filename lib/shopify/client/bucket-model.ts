// Our picture of a store's leaky bucket, from what Shopify reports in `extensions.cost`. It must
// never think the bucket holds more than it does (that would trip THROTTLED) and must not lose
// points either (that would leave throughput unused). So:
// - each report re-bases the level on Shopify's own `currentlyAvailable`, refilling from the time
//   the answer arrived (a little late, so never early); errors do not accumulate across reports;
// - a request in flight holds a reservation of its estimated cost until its answer arrives;
// - requests that finished while another was in flight may or may not be in that other's report,
//   so when it arrives what they cost is taken off again (errs low only while requests overlap).

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

export type Reservation = { readonly cost: number; overlap: number };

export class BucketModel {
  limits: { maximumAvailable: number; restoreRate: number } | undefined;
  reserved = 0;
  private base = 0;
  private baseAt = 0;
  private readonly inFlight = new Set<Reservation>();

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Points we believe the bucket holds at `now`, before in-flight reservations. */
  level(now: number): number {
    if (!this.limits) return 0;
    return Math.min(this.limits.maximumAvailable, this.base + (this.limits.restoreRate * (now - this.baseAt)) / 1000);
  }

  /** Milliseconds until `cost` points are free of reservations (0 when they are now). */
  msUntilAffordable(cost: number, now: number): number {
    if (!this.limits) return Infinity;
    const missing = cost + this.reserved - this.level(now);
    return missing <= 0 ? 0 : (missing / this.limits.restoreRate) * 1000;
  }

  reserve(cost: number): Reservation {
    const reservation: Reservation = { cost, overlap: 0 };
    this.reserved += cost;
    this.inFlight.add(reservation);
    return reservation;
  }

  /**
   * The answer to a reserved request arrived. `status` is Shopify's report when it priced the
   * request; `charged` is what the request cost the bucket (its actual cost; 0 when throttled or
   * rejected before pricing; the reservation itself when unknown, e.g. a timeout).
   */
  settle(reservation: Reservation, now: number, { status, charged }: { status?: ThrottleStatus; charged: number }): void {
    if (!this.inFlight.delete(reservation)) return;
    this.reserved -= reservation.cost;
    if (status) {
      this.limits = { maximumAvailable: status.maximumAvailable, restoreRate: status.restoreRate };
      this.base = status.currentlyAvailable - reservation.overlap;
    } else {
      this.base = this.level(now) - charged;
    }
    this.baseAt = now;
    for (const other of this.inFlight) other.overlap += charged;
  }
}
