"use client";

import { Banner, Box, Button, Card, InlineStack, Tabs, Text } from "@shopify/polaris";
import { ExportIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import { useActiveOperations } from "@/components/api/operations";
import type { Store } from "@/components/api/stores";
import { syncItemsExportUrl, useSyncItemsCount, useSyncOverview, type SyncItem } from "@/components/api/sync";
import tabStyles from "@/components/shell/tabs.module.css";
import { SYNC_TABS, SYNC_TAB_LABEL, type ResourceType, type SyncTab } from "@/lib/vocabulary/sync";
import { SyncItemPanel } from "../item/sync-item-panel";
import { formatCount } from "../format";
import { RESOURCES } from "../resource-types";
import { SearchField } from "./search-field";
import { SyncActions } from "./sync-actions";
import { SyncItemsTable } from "./sync-items-table";
import { useListLocation } from "./use-list-location";

const REFUSED_LABEL = "Refused by Shopify";

const COUNT_KEY = {
  all: "total",
  synced: "synced",
  not_synced: "notSynced",
  failed: "failed",
} as const satisfies Record<SyncTab, string>;

/**
 * One type's items: tabs by status (counts from the overview) plus "Refused by Shopify" while
 * Shopify has refused any of the type's mappings, a search, the table and the item drawer.
 */
export function SyncList({
  store,
  type,
  canExport,
  canSync,
}: {
  store: Store;
  type: ResourceType;
  canExport: boolean;
  canSync: boolean;
}) {
  const words = RESOURCES[type];
  const { tab, mirror, q, page, item, href, search, goToPage, openItem, closeItem } = useListLocation();
  const overview = useSyncOverview(store.id);
  const { data: runs = [] } = useActiveOperations(store.id);
  const counts = overview.data?.types[type];
  // The row clicked, so the drawer shows its name at once; an item opened from the URL loads its own.
  const [clicked, setClicked] = useState<SyncItem | null>(null);
  // The overview's counters hold a tab's size; a search (or refused mappings of one tab) is counted.
  const counted = Boolean(q) || (mirror !== null && tab !== "all");
  const count = useSyncItemsCount(store.id, { type, tab, mirror, q }, counted);
  const counter = mirror ? counts?.mirrorFailed : counts?.[COUNT_KEY[tab]];
  const total = counted ? (count.data ?? null) : counter !== undefined ? { count: counter, capped: false } : null;

  // Each tab's count is part of its words ("Failed 12"), not a badge: a badge is read as "Failed
  // New 12", and a label of its own would differ from what is shown (speech control by sight).
  const withCount = (label: string, count: number | undefined) =>
    count === undefined ? label : `${label} ${formatCount(count)}`;
  const tabs = SYNC_TABS.map((id) => ({
    id: `sync-tab-${id}`,
    content: withCount(SYNC_TAB_LABEL[id], counts?.[COUNT_KEY[id]]),
    url: href({ tab: id, q }),
  }));
  const refused = counts?.mirrorFailed ?? 0;
  if (refused > 0 || mirror) {
    tabs.push({
      id: "sync-tab-refused",
      content: withCount(REFUSED_LABEL, counts ? refused : undefined),
      url: href({ tab: "all", mirror: "failed", q }),
    });
  }
  return (
    <>
      <Box paddingBlockEnd="300">
        <SyncActions
          storeId={store.id}
          type={type}
          notSynced={counts?.notSynced}
          failed={counts?.failed}
          canSync={canSync}
        />
      </Box>
      <Card padding="0">
        <div className={tabStyles.fitOnPhones}>
          <Box padding="200" paddingBlockEnd="0">
            <Tabs tabs={tabs} selected={mirror ? SYNC_TABS.length : SYNC_TABS.indexOf(tab)} />
          </Box>
        </div>
        <Box padding="300" borderBlockEndWidth="025" borderColor="border-secondary">
          <InlineStack gap="200" wrap={false} blockAlign="center">
            <div style={{ flex: 1 }}>
              <SearchField
                label={`Search ${words.plural}`}
                placeholder={words.searchHint}
                value={q}
                onSearch={search}
              />
            </div>
            {canExport ? (
              // A plain navigation to the download, never fetched ahead by a router (it is audited).
              <Button
                icon={ExportIcon}
                onClick={() => window.location.assign(syncItemsExportUrl(store.id, { type, tab, mirror, q }))}
              >
                Export
              </Button>
            ) : null}
          </InlineStack>
          {q ? (
            <Box paddingBlockStart="200">
              <Text as="p" variant="bodySm" tone="subdued" numeric>
                <span role="status">
                  {count.data
                    ? `${formatCount(count.data.count)}${count.data.capped ? "+" : ""} ${count.data.count === 1 && !count.data.capped ? "result" : "results"}`
                    : "Counting results…"}
                </span>
              </Text>
            </Box>
          ) : null}
        </Box>
        {overview.data?.index.state === "failed" ? (
          <Box padding="300">
            <Banner tone="warning">
              <p>
                The last refresh from Shopify failed: this list may miss recent changes. See the store&apos;s overview.
              </p>
            </Banner>
          </Box>
        ) : null}
        {/* A new tab or search starts again from the first page. */}
        <SyncItemsTable
          key={`${tab}\n${mirror}\n${q}`}
          store={store}
          type={type}
          tab={tab}
          mirror={mirror}
          q={q}
          page={page}
          total={total}
          indexing={store.seedStatus === "seeding" || runs.some((run) => run.kind === "index_refresh")}
          canSync={canSync && store.status === "connected"}
          onOpen={(opened) => {
            setClicked(opened);
            openItem(opened.shopifyId);
          }}
          onPage={goToPage}
        />
      </Card>
      <SyncItemPanel
        store={store}
        type={type}
        shopifyId={item}
        initial={clicked?.shopifyId === item ? clicked : null}
        onClose={closeItem}
      />
    </>
  );
}
