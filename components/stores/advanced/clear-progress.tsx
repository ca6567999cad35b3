"use client";

import { Badge, BlockStack, Box, Button, Card, InlineStack, ProgressBar, Spinner, Text } from "@shopify/polaris";
import { useId } from "react";
import { useCancelOperation, type OperationRun } from "@/components/api/operations";
import { describeStep, isClearPhase } from "@/components/operations/operation-words";
import { describeTiming, useNow } from "@/components/operations/run-timing";
import { runStartedBy } from "@/components/operations/run-words";
import { formatCount } from "@/components/sync/format";
import { CLEAR_PHASE_LABEL, CLEAR_PHASES, CLEAR_STRATEGY_LABEL, type ClearStrategy } from "@/lib/vocabulary/clear";
import { RESOURCE_TYPE_LABEL, RESOURCE_TYPES } from "@/lib/vocabulary/sync";

/**
 * A clear under way, live from the operations stream: the steps (done, now, to come — in words,
 * not only by colour), per type what is done of what is planned and what failed, the Shopify
 * metafields, elapsed time and estimate, the strategy, and Cancel. Announced politely as it moves.
 */
export function ClearProgress({ run, canManage }: { run: OperationRun; canManage: boolean }) {
  const now = useNow(1_000);
  const cancel = useCancelOperation(run.storeId);
  const headingId = useId();
  const current = run.phase?.split(":")[0];
  const currentIndex = isClearPhase(current) ? CLEAR_PHASES.indexOf(current) : -1;
  const types = RESOURCE_TYPES.filter((type) => run.counters[type]);
  const metafields = run.counters.metafields;
  const timing = describeTiming(run, now);

  return (
    <section aria-labelledby={headingId} data-testid="clear-progress" data-status={run.status}>
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <InlineStack gap="200" blockAlign="center" wrap={false}>
              <Spinner size="small" accessibilityLabel="In progress" />
              <Text as="h3" variant="headingMd" id={headingId}>
                Clearing Synco data
              </Text>
            </InlineStack>
            {canManage && run.cancellable && !run.cancelRequested ? (
              <Button onClick={() => cancel.mutate(run.id)} loading={cancel.isPending}>
                Cancel clear
              </Button>
            ) : null}
          </InlineStack>
          <div aria-live="polite" aria-atomic="true">
            <Text as="p" fontWeight="semibold">
              {describeStep(run)}
            </Text>
          </div>
          <ol aria-label="Steps" style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
            {CLEAR_PHASES.map((phase, index) => {
              const state = index < currentIndex ? "Done" : index === currentIndex ? "Now" : "To do";
              return (
                <li key={phase}>
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="span" tone={state === "To do" ? "subdued" : undefined}>
                      {CLEAR_PHASE_LABEL[phase]}
                    </Text>
                    <Badge tone={state === "Done" ? "success" : state === "Now" ? "info" : undefined}>{state}</Badge>
                  </InlineStack>
                </li>
              );
            })}
          </ol>
          <BlockStack gap="300">
            {types.map((type) => (
              <Figures
                key={type}
                label={RESOURCE_TYPE_LABEL[type].title}
                counter={run.counters[type]!}
                unit="mappings"
              />
            ))}
            {metafields ? <Figures label="Metafields in Shopify" counter={metafields} unit="deleted" /> : null}
          </BlockStack>
          {cancel.error ? (
            <Text as="p" tone="critical">
              {cancel.error.message}
            </Text>
          ) : null}
          <Box>
            <Text as="p" variant="bodySm" tone="subdued">
              {[
                timing ?? "Waiting for a worker",
                run.strategy
                  ? `Strategy: ${CLEAR_STRATEGY_LABEL[run.strategy as ClearStrategy] ?? run.strategy}`
                  : null,
                `Started by ${runStartedBy(run)}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </Box>
        </BlockStack>
      </Card>
    </section>
  );
}

function Figures({ label, counter, unit }: { label: string; counter: OperationRun["counters"][string]; unit: string }) {
  const labelId = useId();
  const { planned, done, failed } = counter;
  const words =
    planned !== null
      ? `${formatCount(done)} of ${formatCount(planned)} ${unit}`
      : `${formatCount(done)} ${unit} so far`;
  return (
    <BlockStack gap="100">
      <InlineStack align="space-between" gap="200">
        <Text as="span" id={labelId}>
          {label}
        </Text>
        <Text as="span" tone="subdued">
          {words}
          {failed > 0 ? ` · ${formatCount(failed)} failed` : ""}
        </Text>
      </InlineStack>
      <ProgressBar
        size="small"
        progress={planned ? Math.min(100, Math.round((done / planned) * 100)) : planned === 0 ? 100 : 0}
        ariaLabelledBy={labelId}
        animated={false}
      />
    </BlockStack>
  );
}
