"use client";

import { Banner, BlockStack, Button, DataTable, InlineStack, List, Text } from "@shopify/polaris";
import { useState } from "react";
import { useResumeOperation, type OperationRun } from "@/components/api/operations";
import { restoreRowsExportUrl, useRestoreRows } from "@/components/api/restore";
import { runDuration, runStartedBy } from "@/components/operations/run-words";
import { formatDateTime } from "@/components/stores/format-time";
import { formatCount } from "@/components/sync/format";
import { ErrorBanner } from "@/components/ui/error-banner";
import type { TRestoreScope, TRestoreSummary } from "@/lib/restore/schemas";
import { RESTORE_SKIP_REASON_LABEL, RESTORE_SKIP_REASONS } from "@/lib/vocabulary/restore";
import { RESOURCE_TYPE_LABEL, RESOURCE_TYPES } from "@/lib/vocabulary/sync";

/** How the store's last restore ended: what was restored and why the rest was not, or why it stopped. */
export function RestoreResult({ run, canManage }: { run: OperationRun; canManage: boolean }) {
  const resume = useResumeOperation(run.storeId);
  const summary = run.summary as TRestoreSummary | null;
  const scope = run.scope as TRestoreScope;
  const file = scope.fileName ? `“${scope.fileName}”` : "the export";
  const footer = [
    run.finishedAt ? `Finished ${formatDateTime(run.finishedAt)}` : null,
    runDuration(run) ? `took ${runDuration(run)}` : null,
    `started by ${runStartedBy(run)}`,
  ]
    .filter(Boolean)
    .join(" · ");

  if (run.status === "succeeded" && summary) {
    const reasons = RESTORE_SKIP_REASONS.filter((reason) => summary.reasons[reason]);
    return (
      <div data-testid="restore-result" data-status={run.status} aria-live="polite">
        <Banner
          tone={summary.skipped > 0 ? "warning" : "success"}
          title={`Restored ${formatCount(summary.restored)} of ${formatCount(summary.rows)} mappings from ${file}`}
        >
          <BlockStack gap="200">
            <List>
              {RESOURCE_TYPES.filter((type) => summary.types[type]).map((type) => {
                const counts = summary.types[type]!;
                return (
                  <List.Item key={type}>
                    {RESOURCE_TYPE_LABEL[type].title}: {formatCount(counts.restored)} restored,{" "}
                    {formatCount(counts.unchanged)} already mapped, {formatCount(counts.skipped)} skipped
                  </List.Item>
                );
              })}
            </List>
            {reasons.length > 0 ? (
              <Text as="p">
                Skipped:{" "}
                {reasons
                  .map((reason) => `${RESTORE_SKIP_REASON_LABEL[reason]} (${formatCount(summary.reasons[reason]!)})`)
                  .join("; ")}
                . The items skipped stay Not synced: a sync links them to what Odoo has by email, SKU or order number.
              </Text>
            ) : null}
            <Text as="p" variant="bodySm">
              {footer}
            </Text>
          </BlockStack>
        </Banner>
        {summary.skipped > 0 ? <SkippedRows run={run} skipped={summary.skipped} /> : null}
      </div>
    );
  }
  return (
    <div data-testid="restore-result" data-status={run.status} aria-live="polite">
      <Banner
        tone={run.status === "failed" ? "critical" : "warning"}
        title={run.status === "failed" ? "The restore failed" : "The restore was cancelled"}
        action={
          canManage && run.resumable
            ? { content: "Resume the restore", onAction: () => resume.mutate(run.id), loading: resume.isPending }
            : undefined
        }
      >
        <BlockStack gap="200">
          {run.error ? <Text as="p">Reason: {run.error}</Text> : null}
          <Text as="p">What was restored stays restored; Resume carries on from the next row of {file}.</Text>
          <ErrorBanner error={resume.error} />
          <Text as="p" variant="bodySm">
            {footer}
          </Text>
        </BlockStack>
      </Banner>
    </div>
  );
}

/**
 * The rows not restored, with their number in the file and the reason, fifty at a time; and all of
 * them as a CSV in the export's columns (plus the reason) to fix and upload again.
 */
function SkippedRows({ run, skipped }: { run: OperationRun; skipped: number }) {
  const [shown, setShown] = useState(false);
  const rows = useRestoreRows(run.storeId, run.id, "skipped", shown);
  const actions = (
    <InlineStack gap="400" blockAlign="center">
      {shown ? null : (
        <Button variant="plain" onClick={() => setShown(true)}>
          Show the rows not restored
        </Button>
      )}
      {/* A plain link: the file streams from the server, nothing is fetched ahead of a click. */}
      <Button variant="plain" url={restoreRowsExportUrl(run.storeId, run.id)} download>
        {`Download rows not restored (${formatCount(skipped)})`}
      </Button>
    </InlineStack>
  );
  if (!shown) return actions;
  const list = rows.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <BlockStack gap="200">
      {actions}
      <ErrorBanner title="Could not load the rows" error={rows.error} />
      <DataTable
        columnContentTypes={["numeric", "text", "text", "text"]}
        headings={["Row", "Item", "Reason", "Details"]}
        rows={list.map((row) => [
          row.rowNumber,
          row.resourceType && row.shopifyId
            ? `${RESOURCE_TYPE_LABEL[row.resourceType].singular} ${row.shopifyId}`
            : "—",
          row.reason ? RESTORE_SKIP_REASON_LABEL[row.reason] : "",
          row.detail ?? "",
        ])}
        footerContent={
          rows.hasNextPage ? (
            <Button onClick={() => void rows.fetchNextPage()} loading={rows.isFetchingNextPage}>
              Show more
            </Button>
          ) : list.length > 0 ? (
            `${formatCount(list.length)} rows not restored`
          ) : undefined
        }
      />
    </BlockStack>
  );
}
