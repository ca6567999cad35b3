// Faults a test can switch on for one shop: added latency, a share of 5xx or 429 answers, reset
// connections, a throttle storm (the bucket forced empty for a while), a bulk operation that fails
// part-way, and how webhooks are delivered (retry schedule, duplicate rate, timeout). Random
// choices are drawn from `seed`, so the same seed and the same sequence of requests give the
// same faults.
import { z } from "zod";

const share = z.number().min(0).max(1);

export const ZSandboxFaultsInput = z
  .object({
    seed: z.number().int().default(1),
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Extra latency drawn uniformly from 0 to this, per request. */
    latencyJitterMs: z.number().int().min(0).max(60_000).default(0),
    serverErrorRate: share.default(0),
    serverErrorStatuses: z.array(z.number().int().min(500).max(599)).min(1).default([500, 502, 503]),
    tooManyRequestsRate: share.default(0),
    retryAfterSeconds: z.number().min(0).max(3600).default(2),
    resetRate: share.default(0),
    /** Every GraphQL request is THROTTLED for this many seconds from now; the bucket then refills from empty. */
    throttleStormSeconds: z.number().min(0).max(3600).default(0),
    /** Bulk operations created while this is set fail (INTERNAL_SERVER_ERROR) after writing this many objects. */
    bulkFailAfterObjects: z.number().int().min(0).nullable().default(null),
    /** A wait before each committed chunk of a bulk operation, so a test can watch one run, cancel it or fill the limit. */
    bulkChunkDelayMs: z.number().int().min(0).max(60_000).default(0),
    webhooks: z
      .object({
        /** Waits before each retry; Shopify retries 8 times over 4 hours. */
        retryDelaysMs: z.array(z.number().int().min(0).max(86_400_000)).max(20).optional(),
        /** Share of deliveries sent twice (same X-Shopify-Webhook-Id). */
        duplicateRate: share.optional(),
        timeoutMs: z.number().int().min(1).max(60_000).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .refine((faults) => faults.serverErrorRate + faults.tooManyRequestsRate + faults.resetRate <= 1, {
    message: "serverErrorRate + tooManyRequestsRate + resetRate must not exceed 1",
  });
export type TSandboxFaultsInput = z.input<typeof ZSandboxFaultsInput>;

/** As stored: the storm becomes an end time. */
export type SandboxFaults = Omit<z.output<typeof ZSandboxFaultsInput>, "throttleStormSeconds"> & {
  throttleStormUntil: string | null;
};

export function storedFaults(input: z.output<typeof ZSandboxFaultsInput>, now = Date.now()): SandboxFaults {
  const { throttleStormSeconds, ...rest } = input;
  return {
    ...rest,
    throttleStormUntil: throttleStormSeconds > 0 ? new Date(now + throttleStormSeconds * 1000).toISOString() : null,
  };
}

/** Deterministic draw in [0, 1) from a seed and a sequence of integers (a splitmix32-style hash). */
export function faultRandom(seed: number, ...parts: number[]): number {
  let h = seed | 0;
  for (const part of [...parts, 0x9e3779b9]) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b) ^ Math.imul((part / 0x100000000) | 0, 0xc2b2ae35);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 0x100000000;
}
