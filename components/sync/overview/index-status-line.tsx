"use client";

import { InlineStack, Spinner, Text } from "@shopify/polaris";
import type { SyncOverview } from "@/components/api/sync";
import { TimeAgo } from "../format";

/** Where the local copy of the store's Shopify items stands: being read, read when, or never read. */
export function IndexStatusLine({ index, refreshing }: { index: SyncOverview["index"]; refreshing: boolean }) {
  if (refreshing) {
    return (
      <InlineStack gap="200" blockAlign="center" wrap={false}>
        <Spinner size="small" accessibilityLabel="Refreshing" />
        <Text as="p" tone="subdued">
          {index.state === "running"
            ? "Reading products, customers and orders from Shopify…"
            : "Waiting to read the store's items from Shopify…"}
        </Text>
      </InlineStack>
    );
  }
  return (
    <Text as="p" tone="subdued">
      {index.refreshedAt ? (
        <>
          Last refreshed from Shopify <TimeAgo iso={index.refreshedAt} />
        </>
      ) : (
        "Not read from Shopify yet"
      )}
    </Text>
  );
}
