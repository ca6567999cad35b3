"use client";

import { BlockStack, List, Text } from "@shopify/polaris";
import { useLatestOperation } from "@/components/api/operations";
import { RUN_OUTCOME, syncSummaryLines } from "@/components/operations/run-words";
import { formatDateTime } from "@/components/stores/format-time";

/**
 * What the store's last sync to Odoo did, once it has ended: per type, how many items were linked
 * to records Odoo already had and how many records it created — after a clear, a re-sync that
 * created 0 is the proof that Odoo holds no duplicates. Below the sync buttons of every list.
 */
export function LastSyncResult({ storeId }: { storeId: string }) {
  const latest = useLatestOperation(storeId, "sync");
  const run = latest.data;
  if (!run || run.status === "queued" || run.status === "running") return null;
  const lines = syncSummaryLines(run);
  const when = run.finishedAt ? `, ${formatDateTime(run.finishedAt)}` : "";
  return (
    <section aria-label="Last sync to Odoo" data-testid="last-sync" data-status={run.status}>
      <BlockStack gap="100">
        <Text as="p" fontWeight="semibold">
          {run.status === "succeeded"
            ? `Last sync to Odoo${when}`
            : `Last sync to Odoo: ${RUN_OUTCOME[run.status].label.toLowerCase()}${when}`}
        </Text>
        {run.status === "failed" && run.error ? (
          <Text as="p" tone="critical">
            {run.error}
          </Text>
        ) : null}
        {lines.length > 0 ? (
          <List>
            {lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        ) : null}
      </BlockStack>
    </section>
  );
}
