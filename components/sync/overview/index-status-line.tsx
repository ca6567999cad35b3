"use client";

import { Text } from "@shopify/polaris";
import type { SyncOverview } from "@/components/api/sync";
import { TimeAgo } from "../format";

/** Where the local copy of the store's Shopify items stands: being read (its progress is shown live above), read when, or never read. */
export function IndexStatusLine({ index, refreshing }: { index: SyncOverview["index"]; refreshing: boolean }) {
  if (refreshing) {
    return (
      <Text as="p" tone="subdued">
        {index.refreshedAt ? (
          <>
            Refreshing from Shopify now; last refreshed <TimeAgo iso={index.refreshedAt} />
          </>
        ) : (
          "Reading the store's products, customers and orders from Shopify for the first time"
        )}
      </Text>
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
