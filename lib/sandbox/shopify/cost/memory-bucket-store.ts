// The leaky buckets of one process, in memory: exact (each operation reads and writes the level in
// one synchronous step, so concurrent requests cannot double-spend) and free of I/O. Only for a
// server that is the sole process serving its shops — the standalone sandbox. Nothing is
// persisted: a restarted server starts every bucket full, as if the restart took longer than a
// refill. One small entry per installation that has called, kept for the life of the process.
import type { ThrottleLimits } from "../plans";
import { bucketStatus, type BucketRef, type SandboxBucketStore } from "./bucket-store";

type Bucket = { level: number; at: number; stormEndedAt: number | null };

export function createMemoryBucketStore({ now = Date.now }: { now?: () => number } = {}): SandboxBucketStore {
  const buckets = new Map<number, Bucket>();

  // The bucket brought up to now: refilled for the time since it last changed, capped at the maximum.
  const current = ({ installationId, limits, stormEndedAt }: BucketRef): Bucket => {
    const t = now();
    let bucket = buckets.get(installationId);
    if (!bucket) buckets.set(installationId, (bucket = { level: limits.maximumAvailable, at: t, stormEndedAt: null }));
    const storm = stormEndedAt?.getTime() ?? null;
    if (storm !== null && storm !== bucket.stormEndedAt)
      Object.assign(bucket, { level: 0, at: storm, stormEndedAt: storm });
    refill(bucket, limits, t);
    return bucket;
  };

  return {
    async take(ref) {
      const bucket = current(ref);
      const granted = bucket.level >= ref.cost;
      if (granted) bucket.level -= ref.cost;
      return { granted, status: bucketStatus(ref.limits, bucket.level) };
    },
    async refund(ref) {
      const bucket = current(ref);
      bucket.level = Math.min(ref.limits.maximumAvailable, bucket.level + ref.points);
      return bucketStatus(ref.limits, bucket.level);
    },
    async read(ref) {
      return bucketStatus(ref.limits, current(ref).level);
    },
  };
}

function refill(bucket: Bucket, { restoreRate, maximumAvailable }: ThrottleLimits, t: number) {
  bucket.level = Math.min(maximumAvailable, bucket.level + (Math.max(0, t - bucket.at) / 1000) * restoreRate);
  bucket.at = Math.max(bucket.at, t);
}
