// Where an app installation's leaky bucket lives. Shopify's bucket: the level refills at
// restoreRate points per second up to maximumAvailable, and a request is served only if the level
// covers its whole requested cost. Two stores implement it exactly; who serves picks one:
//   - createPostgresBucketStore: the level in the installation's row, so every process on the
//     database shares one bucket — the app's route (any number of instances), tests running
//     several servers. The default everywhere.
//   - createMemoryBucketStore: the level in this process only — the standalone server
//     (`npm run sandbox:shopify`), which is one process by construction. No row lock, no I/O.
import type { ThrottleLimits } from "../plans";

export type ThrottleStatus = ThrottleLimits & { currentlyAvailable: number };

export type BucketRef = {
  installationId: number;
  limits: ThrottleLimits;
  /**
   * When the shop's last throttle storm ended (faults/): the bucket was empty at that moment.
   * setSandboxFaults writes that into the row, so only the memory store needs to be told.
   */
  stormEndedAt?: Date | null;
};

export interface SandboxBucketStore {
  /** Takes `cost` points if the bucket holds that many; otherwise leaves it untouched. */
  take(ref: BucketRef & { cost: number }): Promise<{ granted: boolean; status: ThrottleStatus }>;
  /** Gives back the points a query did not use (requested minus actual cost). */
  refund(ref: BucketRef & { points: number }): Promise<ThrottleStatus>;
  /** The bucket as it stands, without changing it (for responses that ran nothing). */
  read(ref: BucketRef): Promise<ThrottleStatus>;
}

// Keys in Shopify's order: maximumAvailable, currentlyAvailable, restoreRate.
export function bucketStatus(limits: ThrottleLimits, available: number): ThrottleStatus {
  return {
    maximumAvailable: limits.maximumAvailable,
    currentlyAvailable: Math.floor(Number(available)),
    restoreRate: limits.restoreRate,
  };
}
