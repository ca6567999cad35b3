"use client";

import { BlockStack, Box, Card, Divider, InlineStack, Link, Text } from "@shopify/polaris";
import type { SyncOverview } from "@/components/api/sync";
import type { ResourceType, SyncTab } from "@/lib/vocabulary/sync";
import { formatCount, TimeAgo } from "../format";
import { listUrl, RESOURCES } from "../resource-types";
import { StatusBar } from "./status-bar";

type Counts = SyncOverview["types"][ResourceType];

const ROWS: { tab: Exclude<SyncTab, "all">; label: string; key: "synced" | "notSynced" | "failed"; color: string }[] = [
  { tab: "synced", label: "Synced", key: "synced", color: "var(--p-color-bg-fill-success)" },
  { tab: "not_synced", label: "Not synced", key: "notSynced", color: "var(--p-color-border)" },
  { tab: "failed", label: "Failed", key: "failed", color: "var(--p-color-bg-fill-critical)" },
];

/** One resource type: how many items the store has, how many are synced, not synced and failed, each a way into its list. */
export function TypeSummaryCard({ storeId, type, counts }: { storeId: string; type: ResourceType; counts: Counts }) {
  const words = RESOURCES[type];
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {words.title}
          </Text>
          <InlineStack gap="150" blockAlign="baseline">
            <Link
              url={listUrl(storeId, type)}
              monochrome
              removeUnderline
              accessibilityLabel={`All ${words.plural}: ${counts.total}`}
            >
              <Text as="span" variant="headingXl">
                {formatCount(counts.total)}
              </Text>
            </Link>
            <Text as="span" tone="subdued">
              {counts.total === 1 ? words.singular : words.plural} in Shopify
            </Text>
          </InlineStack>
        </BlockStack>
        <StatusBar total={counts.total} segments={ROWS.map((row) => ({ value: counts[row.key], color: row.color }))} />
        <dl style={{ margin: 0, display: "grid", gap: "var(--p-space-200)" }}>
          {ROWS.map((row) => (
            <InlineStack key={row.tab} align="space-between" blockAlign="center">
              <dt>
                <InlineStack gap="200" blockAlign="center">
                  <span
                    aria-hidden
                    style={{ width: 8, height: 8, borderRadius: "50%", background: row.color, display: "inline-block" }}
                  />
                  <Text as="span" tone={row.tab === "failed" && counts.failed > 0 ? "critical" : undefined}>
                    {row.label}
                  </Text>
                </InlineStack>
              </dt>
              <dd style={{ margin: 0 }}>
                <Link
                  url={listUrl(storeId, type, row.tab)}
                  removeUnderline
                  accessibilityLabel={`${row.label} ${words.plural}: ${counts[row.key]}`}
                >
                  <Text
                    as="span"
                    fontWeight="semibold"
                    numeric
                    tone={row.tab === "failed" && counts.failed > 0 ? "critical" : undefined}
                  >
                    {formatCount(counts[row.key])}
                  </Text>
                </Link>
              </dd>
            </InlineStack>
          ))}
        </dl>
        <Box>
          <Divider />
          <Box paddingBlockStart="300">
            <Text as="p" tone="subdued" variant="bodySm">
              {counts.lastSyncedAt ? (
                <>
                  Last synced <TimeAgo iso={counts.lastSyncedAt} />
                </>
              ) : (
                `No ${words.singular} synced yet`
              )}
            </Text>
          </Box>
        </Box>
      </BlockStack>
    </Card>
  );
}
