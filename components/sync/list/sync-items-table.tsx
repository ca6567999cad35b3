"use client";

import { Box, IndexTable, useBreakpoints, type IndexTableProps } from "@shopify/polaris";
import { useState } from "react";
import type { Store } from "@/components/api/stores";
import { useSyncItems, type SyncItem } from "@/components/api/sync";
import { ErrorBanner } from "@/components/ui/error-banner";
import { SYNC_PAGE_SIZE } from "@/lib/sync/schemas";
import type { ResourceType, SyncMirrorFilter, SyncTab } from "@/lib/vocabulary/sync";
import { formatCount } from "../format";
import { RESOURCES } from "../resource-types";
import { ListEmptyState } from "./list-empty-state";
import { SyncItemRow } from "./sync-item-row";

type Props = {
  store: Store;
  type: ResourceType;
  tab: SyncTab;
  /** "failed": the items whose mapping Shopify refused to store, with Shopify's message. */
  mirror: SyncMirrorFilter | null;
  q: string;
  /** How many items the tab holds (from the overview); null while searching. */
  total: number | null;
  /** The store's items are still being read from Shopify (or seeded). */
  indexing: boolean;
  onOpen: (item: SyncItem) => void;
};

/** A keyset-paged table: "next" follows the page's cursor, "previous" goes back along the cursors followed so far. */
export function SyncItemsTable({ store, type, tab, mirror, q, total, indexing, onOpen }: Props) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const page = useSyncItems(store.id, { type, tab, mirror, q, after });
  const errors = mirror ? "mirror" : showsErrors(tab) ? "sync" : null;
  const items = page.data?.items ?? [];
  const words = RESOURCES[type];
  // Five or six columns do not fit a phone: there each item is one stacked row (Polaris's condensed list).
  const { smDown: condensed } = useBreakpoints();

  if (page.error) {
    return (
      <Box padding="400">
        <ErrorBanner title={`Could not load the ${words.plural}`} error={page.error} />
      </Box>
    );
  }

  // While the next page loads, the previous one stays on screen (placeholder) with its cursor not yet usable.
  const nextCursor = page.data?.nextCursor ?? null;
  const hasPrevious = cursors.length > 1;
  const hasNext = nextCursor !== null && !page.isPlaceholderData;
  const first = (cursors.length - 1) * SYNC_PAGE_SIZE + 1;
  const range = items.length > 0 ? `${formatCount(first)}–${formatCount(first + items.length - 1)}` : "";
  const headings: IndexTableProps["headings"] = [
    { title: type === "order" ? "Order" : type === "product" ? "Product" : "Customer" },
    { title: "Status" },
    { title: "Odoo ID", alignment: "end" },
    ...(type === "order" ? [{ title: "Invoice ID", alignment: "end" as const }] : []),
    { title: "Last sync", alignment: "end" },
    ...(errors ? [{ title: errors === "mirror" ? "Shopify said" : "Last error" }] : []),
  ];
  return (
    <IndexTable
      condensed={condensed}
      resourceName={{ singular: words.singular, plural: words.plural }}
      itemCount={items.length}
      selectable={false}
      loading={page.isPending || page.isPlaceholderData}
      headings={headings}
      emptyState={
        page.isPending ? (
          <Box minHeight="12rem" />
        ) : (
          <ListEmptyState type={type} tab={tab} mirror={mirror} q={q} indexing={indexing} />
        )
      }
      pagination={
        hasPrevious || nextCursor !== null
          ? {
              hasPrevious,
              hasNext,
              onPrevious: () => setCursors((stack) => stack.slice(0, -1)),
              onNext: () => setCursors((stack) => [...stack, nextCursor]),
              label: total !== null && range ? `${range} of ${formatCount(total)}` : range,
              accessibilityLabels: { previous: `Previous ${words.plural}`, next: `Next ${words.plural}` },
            }
          : undefined
      }
    >
      {items.map((item, index) => (
        <SyncItemRow
          key={item.shopifyId}
          item={item}
          position={index}
          errors={errors}
          condensed={condensed}
          onOpen={onOpen}
        />
      ))}
    </IndexTable>
  );
}

/** Errors only matter where failed items can show. */
const showsErrors = (tab: SyncTab) => tab === "all" || tab === "failed";
