import { faultRandom, type SandboxFaults } from "./sandbox-faults";

export type RequestFault = {
  latencyMs: number;
  outcome: { kind: "none" } | { kind: "reset" } | { kind: "status"; status: number; retryAfterSeconds?: number };
};

// The n-th request this process sees for a shop since its faults last changed: with the seed,
// it decides the request's fate, so a rerun with the same seed fails the same requests. The draw
// depends on the seed and n only, not on the shop's database id, so a test's outcome does not
// change with the ids earlier tests used.
const sequences = new Map<number, { version: string; next: number }>();

export function decideRequestFault({
  shopId,
  faults,
  version,
}: {
  shopId: number;
  faults: SandboxFaults;
  version: string | null;
}): RequestFault {
  let sequence = sequences.get(shopId);
  if (!sequence || sequence.version !== (version ?? ""))
    sequences.set(shopId, (sequence = { version: version ?? "", next: 0 }));
  const n = sequence.next++;
  const latencyMs = faults.latencyMs + Math.floor(faultRandom(faults.seed, n, 1) * faults.latencyJitterMs);
  const draw = faultRandom(faults.seed, n, 2);
  if (draw < faults.resetRate) return { latencyMs, outcome: { kind: "reset" } };
  if (draw < faults.resetRate + faults.serverErrorRate) {
    const statuses = faults.serverErrorStatuses;
    const status = statuses[Math.floor(faultRandom(faults.seed, n, 3) * statuses.length)] ?? 500;
    return { latencyMs, outcome: { kind: "status", status } };
  }
  if (draw < faults.resetRate + faults.serverErrorRate + faults.tooManyRequestsRate) {
    return { latencyMs, outcome: { kind: "status", status: 429, retryAfterSeconds: faults.retryAfterSeconds } };
  }
  return { latencyMs, outcome: { kind: "none" } };
}
