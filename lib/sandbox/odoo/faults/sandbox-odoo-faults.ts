// Faults a test can switch on for one sandbox Odoo database: added latency, a share of 5xx or 429
// answers (what a proxy in front of Odoo or Odoo.sh sends), dropped connections, and Odoo's own
// concurrency error (a serialization failure that outlasted the server's five retries). Choices
// are drawn from `seed` and the request's position, so the same seed fails the same requests.
import { z } from "zod";

const share = z.number().min(0).max(1);

export const ZSandboxOdooFaultsInput = z
  .object({
    seed: z.number().int().default(1),
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    latencyJitterMs: z.number().int().min(0).max(60_000).default(0),
    serverErrorRate: share.default(0),
    serverErrorStatuses: z.array(z.number().int().min(500).max(599)).min(1).default([500, 502, 503, 504]),
    tooManyRequestsRate: share.default(0),
    retryAfterSeconds: z.number().min(0).max(3600).default(1),
    resetRate: share.default(0),
    concurrencyErrorRate: share.default(0),
  })
  .strict()
  .refine((f) => f.serverErrorRate + f.tooManyRequestsRate + f.resetRate + f.concurrencyErrorRate <= 1, {
    message: "serverErrorRate + tooManyRequestsRate + resetRate + concurrencyErrorRate must not exceed 1",
  });
export type TSandboxOdooFaultsInput = z.input<typeof ZSandboxOdooFaultsInput>;
export type SandboxOdooFaults = z.output<typeof ZSandboxOdooFaultsInput>;

export type OdooRequestFault = {
  latencyMs: number;
  outcome:
    | { kind: "none" }
    | { kind: "reset" }
    | { kind: "concurrency" }
    | { kind: "status"; status: number; retryAfterSeconds?: number };
};

/** A draw in [0, 1) from integers (splitmix-style mixing). */
export function draw(...parts: number[]): number {
  let h = 0x2545f491;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
  }
  return (h >>> 0) / 0x100000000;
}

const sequences = new Map<number, { version: string; next: number }>();

/** The fate of this process's n-th request for the database since its faults were last set. */
export function decideOdooFault(databaseId: number, faults: SandboxOdooFaults, version: string): OdooRequestFault {
  let sequence = sequences.get(databaseId);
  if (!sequence || sequence.version !== version) sequences.set(databaseId, (sequence = { version, next: 0 }));
  const n = sequence.next++;
  const latencyMs = faults.latencyMs + Math.floor(draw(faults.seed, databaseId, n, 1) * faults.latencyJitterMs);
  let at = draw(faults.seed, databaseId, n, 2);
  if ((at -= faults.resetRate) < 0) return { latencyMs, outcome: { kind: "reset" } };
  if ((at -= faults.serverErrorRate) < 0) {
    const statuses = faults.serverErrorStatuses;
    const status = statuses[Math.floor(draw(faults.seed, databaseId, n, 3) * statuses.length)] ?? 500;
    return { latencyMs, outcome: { kind: "status", status } };
  }
  if ((at -= faults.tooManyRequestsRate) < 0)
    return { latencyMs, outcome: { kind: "status", status: 429, retryAfterSeconds: faults.retryAfterSeconds } };
  if ((at -= faults.concurrencyErrorRate) < 0) return { latencyMs, outcome: { kind: "concurrency" } };
  return { latencyMs, outcome: { kind: "none" } };
}
