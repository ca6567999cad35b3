"use client";

import { Banner, BlockStack, List, Text } from "@shopify/polaris";
import { useResumeOperation, type OperationRun } from "@/components/api/operations";
import { runDuration, runStartedBy } from "@/components/operations/run-words";
import { formatDateTime } from "@/components/stores/format-time";
import { formatCount } from "@/components/sync/format";
import type { TClearSummary } from "@/lib/clear/schemas";
import { CLEAR_STRATEGY_LABEL } from "@/lib/vocabulary/clear";
import { RESOURCE_TYPE_LABEL, RESOURCE_TYPES } from "@/lib/vocabulary/sync";

/** How the store's last clear ended: the summary, or the reason it stopped with Resume. */
export function ClearResult({ run, canManage }: { run: OperationRun; canManage: boolean }) {
  const resume = useResumeOperation(run.storeId);
  const summary = run.summary as TClearSummary | null;
  const when = run.finishedAt ? formatDateTime(run.finishedAt) : null;
  const duration = runDuration(run);
  const footer = [
    when ? `Finished ${when}` : null,
    duration ? `took ${duration}` : null,
    `started by ${runStartedBy(run)}`,
  ]
    .filter(Boolean)
    .join(" · ");
  const resumeAction =
    canManage && run.resumable
      ? { content: "Resume the clear", onAction: () => resume.mutate(run.id), loading: resume.isPending }
      : undefined;

  if (run.status === "succeeded" && summary) {
    const types = RESOURCE_TYPES.filter((type) => summary.types[type]);
    return (
      <div data-testid="clear-result" data-status={run.status} aria-live="polite">
        <Banner tone="success" title="Synco data cleared">
          <BlockStack gap="200">
            <List>
              {types.map((type) => {
                const counts = summary.types[type]!;
                return (
                  <List.Item key={type}>
                    {RESOURCE_TYPE_LABEL[type].title}: {formatCount(counts.mappingsDeleted)} mappings and{" "}
                    {formatCount(counts.metafieldsDeleted)} Shopify metafields deleted
                    {counts.refused > 0 ? `; Shopify refused ${formatCount(counts.refused)}` : ""}
                  </List.Item>
                );
              })}
            </List>
            <Text as="p">
              {summary.remaining === 0
                ? "Checked afterwards: no Synco metafield of the cleared types is left in Shopify."
                : `Checked afterwards: ${formatCount(summary.remaining)} Synco metafields are still in Shopify.`}{" "}
              Odoo was not touched. The cleared items now show as Not synced.
            </Text>
            {summary.unreachableOrders ? <Text as="p">{summary.unreachableOrders.reason}</Text> : null}
            <Text as="p" variant="bodySm">
              {CLEAR_STRATEGY_LABEL[summary.strategy]}
              {summary.fellBackToPaged
                ? " (the bulk operation failed; finished with metafieldsDelete calls)"
                : ""} · {footer}
            </Text>
          </BlockStack>
        </Banner>
      </div>
    );
  }
  return (
    <div data-testid="clear-result" data-status={run.status} aria-live="polite">
      <Banner
        tone={run.status === "failed" ? "critical" : "warning"}
        title={run.status === "failed" ? "The clear failed" : "The clear was cancelled"}
        action={resumeAction}
      >
        <BlockStack gap="200">
          {run.error ? <Text as="p">Reason: {run.error}</Text> : null}
          <Text as="p">
            What was deleted stays deleted; the rest is as it was. Resume carries on from where it stopped.
          </Text>
          {resume.error ? (
            <Text as="p" tone="critical">
              {resume.error.message}
            </Text>
          ) : null}
          <Text as="p" variant="bodySm">
            {footer}
          </Text>
        </BlockStack>
      </Banner>
    </div>
  );
}
