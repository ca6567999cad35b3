// The per-installation leaky bucket, kept in PostgreSQL so every app instance and process sees
// one bucket. Each operation is a single statement that first lets the bucket refill for the time
// elapsed since its last update (restoreRate points per second, capped at maximumAvailable) and
// then takes or returns points; the row lock makes concurrent requests queue, never double-spend.
import { sql } from "drizzle-orm";
import type { SandboxDb } from "../sandbox-db";
import type { ThrottleLimits } from "../plans";

export type ThrottleStatus = ThrottleLimits & { currentlyAvailable: number };

// The bucket level now, from the stored level and the time since it was stored.
const level = (limits: ThrottleLimits) =>
  sql`least(${limits.maximumAvailable}::float8, coalesce(bucket_available, ${limits.maximumAvailable}::float8)
    + greatest(0, extract(epoch from clock_timestamp() - bucket_updated_at)) * ${limits.restoreRate}::float8)`;

/** Takes `cost` points if the bucket holds that many; otherwise leaves it untouched. */
export async function takeFromBucket(
  db: SandboxDb,
  { installationId, cost, limits }: { installationId: number; cost: number; limits: ThrottleLimits },
): Promise<{ granted: boolean; status: ThrottleStatus }> {
  const result = await db.execute<{ before: number; after: number }>(sql`
    with bucket as (
      select id, ${level(limits)} as before
      from sandbox_shopify_app_installations where id = ${installationId} for update
    )
    update sandbox_shopify_app_installations as installation
    set bucket_available = case when bucket.before >= ${cost} then bucket.before - ${cost} else bucket.before end,
        bucket_updated_at = clock_timestamp()
    from bucket where installation.id = bucket.id
    returning bucket.before as before, installation.bucket_available as after`);
  const row = result.rows[0];
  if (!row) throw new Error(`sandbox app installation ${installationId} has no bucket`);
  return { granted: row.before >= cost, status: status(limits, row.after) };
}

/** Gives back the difference between requested and actual cost once a query has run. */
export async function refundBucket(
  db: SandboxDb,
  { installationId, points, limits }: { installationId: number; points: number; limits: ThrottleLimits },
): Promise<ThrottleStatus> {
  const result = await db.execute<{ after: number }>(sql`
    update sandbox_shopify_app_installations
    set bucket_available = least(${limits.maximumAvailable}::float8, ${level(limits)} + ${points}),
        bucket_updated_at = clock_timestamp()
    where id = ${installationId}
    returning bucket_available as after`);
  return status(limits, result.rows[0]?.after ?? limits.maximumAvailable);
}

/** The bucket as it stands, without changing it (for responses that ran nothing). */
export async function readBucket(db: SandboxDb, { installationId, limits }: { installationId: number; limits: ThrottleLimits }): Promise<ThrottleStatus> {
  const result = await db.execute<{ now: number }>(sql`
    select ${level(limits)} as now from sandbox_shopify_app_installations where id = ${installationId}`);
  return status(limits, result.rows[0]?.now ?? limits.maximumAvailable);
}

// Keys in Shopify's order: maximumAvailable, currentlyAvailable, restoreRate.
function status(limits: ThrottleLimits, available: number): ThrottleStatus {
  return { maximumAvailable: limits.maximumAvailable, currentlyAvailable: Math.floor(Number(available)), restoreRate: limits.restoreRate };
}
