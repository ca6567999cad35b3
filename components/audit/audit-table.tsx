"use client";

import { Badge, BlockStack, Box, Card, IndexTable, Text, useBreakpoints } from "@shopify/polaris";
import { useState } from "react";
import { AUDIT_PAGE_SIZE, useAuditEntries, type AuditEntry, type AuditFilters } from "@/components/api/audit";
import { formatDateTime, timeAgo } from "@/components/stores/format-time";
import { ErrorBanner } from "@/components/ui/error-banner";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import type { AuditOutcome } from "@/lib/vocabulary/audit";

const OUTCOME: Record<AuditOutcome, { label: string; tone?: "success" | "critical" | "warning" }> = {
  succeeded: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "critical" },
  cancelled: { label: "Cancelled", tone: "warning" },
};

/** The filtered log, newest first; "next" follows the page's cursor, "previous" goes back along those followed. */
export function AuditTable({ filters }: { filters: AuditFilters }) {
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const page = useAuditEntries(filters, cursors.at(-1) ?? null);
  // Five columns do not fit a phone: there each entry is one stacked row.
  const { smDown: condensed } = useBreakpoints();
  if (page.error) return <ErrorBanner title="Could not load the audit log" error={page.error} />;
  const entries = page.data?.entries ?? [];
  const nextBefore = page.data?.nextBefore ?? null;
  const first = (cursors.length - 1) * AUDIT_PAGE_SIZE + 1;
  return (
    <Card padding="0">
      <IndexTable
        condensed={condensed}
        resourceName={{ singular: "entry", plural: "entries" }}
        itemCount={entries.length}
        selectable={false}
        loading={page.isPending || page.isPlaceholderData}
        headings={[
          { title: "When" },
          { title: "Store" },
          { title: "Who" },
          { title: "What happened" },
          { title: "Outcome" },
        ]}
        emptyState={
          <Box padding="600">
            <Text as="p" alignment="center" tone="subdued">
              {page.isPending ? "Loading…" : "No entries match these filters."}
            </Text>
          </Box>
        }
        pagination={
          cursors.length > 1 || nextBefore !== null
            ? {
                hasPrevious: cursors.length > 1,
                hasNext: nextBefore !== null && !page.isPlaceholderData,
                onPrevious: () => setCursors((list) => list.slice(0, -1)),
                onNext: () => setCursors((list) => [...list, nextBefore]),
                label: entries.length > 0 ? `Entries ${first}–${first + entries.length - 1}` : undefined,
                accessibilityLabels: { previous: "Newer entries", next: "Older entries" },
              }
            : undefined
        }
      >
        {entries.map((entry, index) => (
          <IndexTable.Row id={String(entry.id)} key={entry.id} position={index}>
            {condensed ? (
              <Box padding="300" paddingInline="400" width="100%">
                <BlockStack gap="100">
                  <Text as="p">{describeAuditEvent(entry)}</Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    <When at={entry.at} /> · {who(entry)}
                    {entry.store ? ` · ${entry.store.name}` : ""}
                  </Text>
                  {entry.outcome !== "succeeded" ? <Outcome outcome={entry.outcome} /> : null}
                </BlockStack>
              </Box>
            ) : (
              <>
                <IndexTable.Cell>
                  <When at={entry.at} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {entry.store ? (
                    <div>
                      <Text as="span">{entry.store.name}</Text>
                      <Text as="p" variant="bodySm" tone="subdued">
                        {entry.store.shopDomain}
                      </Text>
                    </div>
                  ) : (
                    <Text as="span" tone="subdued">
                      Organization
                    </Text>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span">{who(entry)}</Text>
                  {entry.ip ? (
                    <Text as="p" variant="bodySm" tone="subdued">
                      {entry.ip}
                    </Text>
                  ) : null}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <div style={{ whiteSpace: "normal", minWidth: "16rem" }}>
                    <Text as="span">{describeAuditEvent(entry)}</Text>
                  </div>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Outcome outcome={entry.outcome} />
                </IndexTable.Cell>
              </>
            )}
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

const who = (entry: AuditEntry) => entry.actorEmail ?? "Synco (automatic)";

function When({ at }: { at: string }) {
  return (
    <time dateTime={at} title={timeAgo(at)}>
      {formatDateTime(at)}
    </time>
  );
}

// The word is always shown: the colour only repeats it.
function Outcome({ outcome }: { outcome: AuditOutcome }) {
  const { label, tone } = OUTCOME[outcome];
  return <Badge tone={tone}>{label}</Badge>;
}
