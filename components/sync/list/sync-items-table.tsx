"use client";

import { Box, IndexTable, useBreakpoints, useIndexResourceState, type IndexTableProps } from "@shopify/polaris";
import { useState } from "react";
import type { Store } from "@/components/api/stores";
import { useRequestOdooSync } from "@/components/api/odoo-sync";
import { useSyncItems, type SyncItem } from "@/components/api/sync";
import { ErrorBanner } from "@/components/ui/error-banner";
import { SYNC_PAGE_SIZE } from "@/lib/sync/schemas";
import type { ResourceType, SyncMirrorFilter, SyncTab } from "@/lib/vocabulary/sync";
import { formatCount } from "../format";
import { RESOURCES } from "../resource-types";
import { ListEmptyState } from "./list-empty-state";
import { ListPagination } from "./list-pagination";
import { apiType } from "./sync-actions";
import { SyncItemRow } from "./sync-item-row";

type Props = {
  store: Store;
  type: ResourceType;
  tab: SyncTab;
  /** "failed": the items whose mapping Shopify refused to store, with Shopify's message. */
  mirror: SyncMirrorFilter | null;
  q: string;
  /** The page shown (1-based, from the URL). */
  page: number;
  /** How many items the list holds (the overview's counters, or a search's count); `capped`: at least that many. */
  total: { count: number; capped: boolean } | null;
  /** The store's items are still being read from Shopify (or seeded). */
  indexing: boolean;
  /** Rows can be ticked and synced ("Sync selected"): owners and admins. */
  canSync: boolean;
  onOpen: (item: SyncItem) => void;
  onPage: (page: number) => void;
};

/**
 * A keyset-paged table with its page number in the URL: a page whose start is known from the
 * page before (its cursor) is read by that cursor; any other (a reload, a link, a jump, the last)
 * by number, which the server turns into a start with an index-only walk (decision 78).
 */
export function SyncItemsTable({
  store,
  type,
  tab,
  mirror,
  q,
  page: pageNumber,
  total,
  indexing,
  canSync,
  onOpen,
  onPage,
}: Props) {
  // The cursor each page starts after, learnt from the page before it; the table is keyed by filter.
  const [cursors, setCursors] = useState<ReadonlyMap<number, string>>(new Map());
  const after = cursors.get(pageNumber) ?? null;
  const page = useSyncItems(store.id, { type, tab, mirror, q, page: pageNumber, after });
  const nextCursor = page.data?.nextCursor ?? null;
  // Adjusted while rendering, once per page read: the next page can then go by cursor.
  if (nextCursor && !page.isPlaceholderData && cursors.get(pageNumber + 1) !== nextCursor) {
    setCursors(new Map(cursors).set(pageNumber + 1, nextCursor));
  }
  const errors = mirror ? "mirror" : showsErrors(tab) ? "sync" : null;
  const items = page.data?.items ?? [];
  const words = RESOURCES[type];
  // Five or six columns do not fit a phone: there each item is one stacked row (Polaris's condensed list).
  const { smDown: condensed } = useBreakpoints();
  const selection = useIndexResourceState(items as unknown as { [key: string]: unknown }[], {
    resourceIDResolver: (item) => (item as unknown as SyncItem).shopifyId,
  });
  const sync = useRequestOdooSync(store.id);
  const syncSelected = () =>
    sync.mutate(
      {
        scope: "selected",
        type: apiType(type),
        shopifyIds: selection.selectedResources,
        idempotencyKey: crypto.randomUUID(),
      },
      { onSuccess: () => selection.clearSelection() },
    );

  if (page.error) {
    return (
      <Box padding="400">
        <ErrorBanner title={`Could not load the ${words.plural}`} error={page.error} />
      </Box>
    );
  }

  // While the next page loads, the previous one stays on screen (placeholder) with its cursor not yet usable.
  const hasNext = nextCursor !== null && !page.isPlaceholderData;
  const first = (pageNumber - 1) * SYNC_PAGE_SIZE + 1;
  // The range names the rows shown: none while the previous page's rows stand in for the next.
  const range =
    items.length > 0 && !page.isPlaceholderData ? `${formatCount(first)}–${formatCount(first + items.length - 1)}` : "";
  const lastPage = total && !total.capped ? Math.max(1, Math.ceil(total.count / SYNC_PAGE_SIZE)) : null;
  const of = total ? ` of ${formatCount(total.count)}${total.capped ? "+" : ""}` : "";
  const headings: IndexTableProps["headings"] = [
    { title: type === "order" ? "Order" : type === "product" ? "Product" : "Customer" },
    { title: "Status" },
    { title: "Odoo ID", alignment: "end" },
    ...(type === "order" ? [{ title: "Invoice ID", alignment: "end" as const }] : []),
    { title: "Last sync or attempt", alignment: "end" },
    ...(errors ? [{ title: errors === "mirror" ? "Shopify said" : "Last error" }] : []),
  ];
  return (
    <>
      {sync.error ? (
        <Box padding="300">
          <ErrorBanner title="The sync was not started" error={sync.error} />
        </Box>
      ) : null}
      <IndexTable
        condensed={condensed}
        resourceName={{ singular: words.singular, plural: words.plural }}
        itemCount={items.length}
        selectable={canSync}
        selectedItemsCount={selection.allResourcesSelected ? "All" : selection.selectedResources.length}
        onSelectionChange={selection.handleSelectionChange}
        promotedBulkActions={[{ content: sync.isPending ? "Queueing…" : "Sync selected", onAction: syncSelected }]}
        loading={page.isPending || page.isPlaceholderData}
        headings={headings}
        emptyState={
          page.isPending ? (
            <Box minHeight="12rem" />
          ) : (
            <ListEmptyState type={type} tab={tab} mirror={mirror} q={q} indexing={indexing} />
          )
        }
      >
        {items.map((item, index) => (
          <SyncItemRow
            key={item.shopifyId}
            item={item}
            position={index}
            errors={errors}
            condensed={condensed}
            selected={selection.selectedResources.includes(item.shopifyId)}
            onOpen={onOpen}
          />
        ))}
      </IndexTable>
      {pageNumber > 1 || nextCursor !== null ? (
        <ListPagination
          page={pageNumber}
          lastPage={lastPage}
          hasNext={hasNext}
          range={range ? `${range}${of}` : ""}
          plural={words.plural}
          onPage={onPage}
        />
      ) : null}
    </>
  );
}

/** Errors only matter where failed items can show. */
const showsErrors = (tab: SyncTab) => tab === "all" || tab === "failed";
