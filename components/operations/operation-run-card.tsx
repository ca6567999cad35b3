"use client";

import { BlockStack, Box, Button, Card, InlineStack, ProgressBar, Spinner, Text } from "@shopify/polaris";
import { useEffect, useId, useState } from "react";
import { useCancelOperation, type OperationRun } from "@/components/api/operations";
import { formatCount } from "@/components/sync/format";
import { OPERATION_KIND_TITLE } from "@/lib/vocabulary/operations";
import { describeStep, orderedUnits, unitTitle } from "./operation-words";

/** A run under way: what it is doing, its figures per type, how long it has run and may still take. */
export function OperationRunCard({ run, canManage }: { run: OperationRun; canManage: boolean }) {
  const now = useNow(1_000);
  const cancel = useCancelOperation(run.storeId);
  const headingId = useId();
  const units = orderedUnits(run);
  const canCancel = canManage && run.cancellable && !run.cancelRequested;
  const timing = describeTiming(run, now);

  return (
    <section aria-labelledby={headingId} data-testid="operation-run" data-kind={run.kind} data-status={run.status}>
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <InlineStack gap="200" blockAlign="center" wrap={false}>
              <Spinner size="small" accessibilityLabel="In progress" />
              <Text as="h3" variant="headingSm" id={headingId}>
                {OPERATION_KIND_TITLE[run.kind].active}
              </Text>
            </InlineStack>
            {canCancel ? (
              <Button size="slim" onClick={() => cancel.mutate(run.id)} loading={cancel.isPending}>
                Cancel
              </Button>
            ) : null}
          </InlineStack>
          {/* Announced politely as it changes: the phase and the figures. */}
          <div aria-live="polite">
            <Text as="p">{describeStep(run)}</Text>
          </div>
          {units.length > 0 ? (
            <BlockStack gap="200">
              {units.map((unit) => (
                <UnitProgress key={unit} unit={unit} counter={run.counters[unit]!} />
              ))}
            </BlockStack>
          ) : null}
          {cancel.error ? (
            <Text as="p" tone="critical">
              {cancel.error.message}
            </Text>
          ) : null}
          {timing ? (
            <Text as="p" variant="bodySm" tone="subdued">
              {timing}
            </Text>
          ) : null}
        </BlockStack>
      </Card>
    </section>
  );
}

function UnitProgress({ unit, counter }: { unit: string; counter: OperationRun["counters"][string] }) {
  const labelId = useId();
  const { planned, done, failed } = counter;
  const figure =
    planned !== null
      ? `${formatCount(Math.min(done, Math.max(planned, done)))} of ${formatCount(Math.max(planned, done))}`
      : done > 0
        ? `${formatCount(done)} so far`
        : "waiting";
  return (
    <BlockStack gap="100">
      <InlineStack align="space-between" gap="200">
        <Text as="span" id={labelId}>
          {unitTitle(unit)}
        </Text>
        <Text as="span" tone="subdued">
          {figure}
          {failed > 0 ? ` · ${formatCount(failed)} failed` : ""}
        </Text>
      </InlineStack>
      {planned !== null ? (
        <Box>
          <ProgressBar
            size="small"
            progress={planned > 0 ? Math.min(100, Math.round((done / planned) * 100)) : 100}
            ariaLabelledBy={labelId}
            animated={false}
          />
        </Box>
      ) : null}
    </BlockStack>
  );
}

/** Re-renders every `ms` (a clock for elapsed time and estimates; no request is made). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function describeTiming(run: OperationRun, now: number): string | null {
  if (!run.startedAt) return run.actor?.email ? `Started by ${run.actor.email}` : null;
  const elapsed = Math.max(0, now - new Date(run.startedAt).getTime());
  const parts = [`Running for ${duration(elapsed)}`];
  const left = remaining(run, now);
  if (left !== null) parts.push(`about ${duration(left)} left`);
  if (run.actor?.email) parts.push(`started by ${run.actor.email}`);
  return parts.join(" · ");
}

/** The kind's own estimate, else the current phase's pace over what it plans. */
function remaining(run: OperationRun, now: number): number | null {
  if (run.estimatedFinishAt) return Math.max(0, new Date(run.estimatedFinishAt).getTime() - now);
  const counters = Object.values(run.counters);
  if (counters.length === 0 || counters.some((counter) => counter.planned === null)) return null;
  const planned = counters.reduce((sum, counter) => sum + counter.planned!, 0);
  const done = counters.reduce((sum, counter) => sum + counter.done + counter.failed, 0);
  const since = run.startedAt ? now - new Date(run.startedAt).getTime() : 0;
  if (done === 0 || done >= planned || since < 3_000) return null;
  return ((planned - done) * since) / done;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
