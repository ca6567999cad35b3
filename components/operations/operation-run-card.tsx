"use client";

import { BlockStack, Box, Button, Card, InlineStack, ProgressBar, Spinner, Text } from "@shopify/polaris";
import { useId } from "react";
import { useCancelOperation, type OperationRun } from "@/components/api/operations";
import { formatCount } from "@/components/sync/format";
import { OPERATION_KIND_TITLE } from "@/lib/vocabulary/operations";
import { describeStep, orderedUnits, unitTitle } from "./operation-words";
import { describeTiming, useNow } from "./run-timing";

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
            // Items that failed are handled too: the bar shows how much of the work is behind.
            progress={planned > 0 ? Math.min(100, Math.round(((done + failed) / planned) * 100)) : 100}
            ariaLabelledBy={labelId}
            animated={false}
          />
        </Box>
      ) : null}
    </BlockStack>
  );
}
