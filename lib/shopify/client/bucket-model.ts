// Our picture of a store's leaky bucket, from what Shopify reports in `extensions.cost`. It must
// never think the bucket holds more than it does (that would trip THROTTLED), and its mistakes
// must not last (that would leave throughput unused). Answers to concurrent requests arrive in
// any order, so the last answer is not necessarily the latest news. Instead:
// - a report says what the bucket held when Shopify ran the request; refilled from when the
//   answer *arrived* (late, never early), it bounds what the bucket holds now — if no request
//   Shopify ran after it has been answered since;
// - so we keep every report that may still be from the request Shopify ran last, and take the
//   lowest bound. A report is dropped once a request *sent after it arrived* has been answered:
//   Shopify certainly ran that one later;
// - requests in flight hold a reservation of their estimated cost until their answer arrives:
//   counted twice when Shopify already ran them, an error that ends with the answer.

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

export type Reservation = { readonly cost: number; readonly sentAt: number };

export class BucketModel {
  limits: { maximumAvailable: number; restoreRate: number } | undefined;
  reserved = 0;
  private readonly inFlight = new Set<Reservation>();
  // The bounds in arrival order, as `level - rate × at` so bounds of different times compare;
  // only increasing keys are kept (a later, lower bound makes the earlier ones irrelevant).
  private bounds: { key: number; at: number }[] = [];

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Points we believe the bucket holds at `now`, before in-flight reservations. */
  level(now: number): number {
    if (!this.limits || !this.bounds.length) return 0;
    return Math.min(this.limits.maximumAvailable, this.bounds[0]!.key + this.perMs() * now);
  }

  /** Milliseconds until `cost` points are free of reservations (0 when they are now). */
  msUntilAffordable(cost: number, now: number): number {
    if (!this.limits) return Infinity;
    const missing = cost + this.reserved - this.level(now);
    return missing <= 0 ? 0 : missing / this.perMs();
  }

  reserve(cost: number, now: number): Reservation {
    const reservation: Reservation = { cost, sentAt: now };
    this.reserved += cost;
    this.inFlight.add(reservation);
    return reservation;
  }

  /**
   * The answer to a reserved request arrived. `status` is Shopify's report when it priced the
   * request; without one, `charged` is what the request may have cost (its reservation for a
   * timeout or a 5xx, 0 for a refusal).
   */
  settle(
    reservation: Reservation,
    now: number,
    { status, charged }: { status?: ThrottleStatus; charged: number },
  ): void {
    if (!this.inFlight.delete(reservation)) return;
    this.reserved -= reservation.cost;
    if (status) {
      if (status.restoreRate !== this.limits?.restoreRate) this.bounds = [];
      this.limits = { maximumAvailable: status.maximumAvailable, restoreRate: status.restoreRate };
      this.bound(status.currentlyAvailable, reservation.sentAt, now);
    } else if (charged > 0 && this.limits) {
      this.bound(this.level(now) - charged, reservation.sentAt, now);
    }
  }

  private bound(level: number, sentAt: number, now: number): void {
    while (this.bounds.length && this.bounds[0]!.at < sentAt) this.bounds.shift();
    const key = level - this.perMs() * now;
    while (this.bounds.length && this.bounds.at(-1)!.key >= key) this.bounds.pop();
    this.bounds.push({ key, at: now });
  }

  private perMs(): number {
    return this.limits!.restoreRate / 1000;
  }
}
