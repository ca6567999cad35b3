"use client";

// A run's clock: how long it has run, how long it may still take.
import { useEffect, useState } from "react";
import type { OperationRun } from "@/components/api/operations";
import { formatDuration } from "./run-words";

/** Re-renders every `ms` (a clock for elapsed time and estimates; no request is made). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function describeTiming(run: OperationRun, now: number): string | null {
  if (!run.startedAt) return run.actor?.email ? `Started by ${run.actor.email}` : null;
  const elapsed = Math.max(0, now - new Date(run.startedAt).getTime());
  const parts = [`Running for ${formatDuration(elapsed)}`];
  const left = remaining(run, now);
  if (left !== null) parts.push(`about ${formatDuration(left)} left`);
  if (run.actor?.email) parts.push(`started by ${run.actor.email}`);
  return parts.join(" · ");
}

/** The kind's own estimate, else the current phase's pace over what it plans. */
export function remaining(run: OperationRun, now: number): number | null {
  if (run.estimatedFinishAt) return Math.max(0, new Date(run.estimatedFinishAt).getTime() - now);
  const counters = Object.values(run.counters);
  if (counters.length === 0 || counters.some((counter) => counter.planned === null)) return null;
  const planned = counters.reduce((sum, counter) => sum + counter.planned!, 0);
  const done = counters.reduce((sum, counter) => sum + counter.done + counter.failed, 0);
  const since = run.startedAt ? now - new Date(run.startedAt).getTime() : 0;
  if (done === 0 || done >= planned || since < 3_000) return null;
  return ((planned - done) * since) / done;
}
