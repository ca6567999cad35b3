"use client";

import {
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  InlineGrid,
  InlineStack,
  SkeletonBodyText,
  SkeletonDisplayText,
  Text,
} from "@shopify/polaris";
import { RefreshIcon } from "@shopify/polaris-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useActiveOperations } from "@/components/api/operations";
import type { Store } from "@/components/api/stores";
import { syncKeys, useRefreshIndex, useSyncOverview, type SyncOverview } from "@/components/api/sync";
import { useToast } from "@/components/shell/toast";
import { ErrorBanner } from "@/components/ui/error-banner";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";
import { ExportMenu } from "./export-menu";
import { IndexStatusLine } from "./index-status-line";
import { SyncNotices } from "./sync-notices";
import { TypeSummaryCard } from "./type-summary-card";

/** The store's sync status at a glance: per type how many items are synced, not synced and failed, and how fresh the numbers are. */
export function SyncOverviewSection({ store, canManage }: { store: Store; canManage: boolean }) {
  const seeding = store.seedStatus === "seeding";
  const overview = useSyncOverview(store.id);
  const { data: runs = [] } = useActiveOperations(store.id);
  const showToast = useToast();
  const refresh = useRefreshIndex(store.id, {
    onSuccess: ({ alreadyQueued }) =>
      showToast(alreadyQueued ? "A refresh from Shopify is already under way" : "Refreshing from Shopify"),
  });

  useReloadStaleOverview(store.id, overview.data, runs, overview.dataUpdatedAt);

  if (seeding) return <SeedingCard />;
  if (overview.isPending) return <LoadingOverview />;
  if (overview.error) {
    return <ErrorBanner title="Could not load the sync status" error={overview.error} />;
  }

  const data = overview.data;
  // Live from the store's runs; the overview itself loads again when the refresh ends.
  const refreshing = runs.some((run) => run.kind === "index_refresh") || refresh.isPending;
  const connected = store.status !== "disconnected";
  return (
    <BlockStack gap="400">
      {/* Outside a card: on phones, where cards reach the screen's edges, it keeps a margin of its own. */}
      <Box paddingInline={{ xs: "400", sm: "0" }}>
        <InlineStack align="space-between" blockAlign="center" gap="300">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Sync status
            </Text>
            <IndexStatusLine index={data.index} refreshing={refreshing} />
          </BlockStack>
          {canManage ? (
            <ButtonGroup>
              <ExportMenu storeId={store.id} />
              {connected ? (
                <Button icon={RefreshIcon} onClick={() => refresh.mutate()} disabled={refreshing}>
                  {refreshing ? "Refreshing…" : "Refresh from Shopify"}
                </Button>
              ) : null}
            </ButtonGroup>
          ) : (
            <Text as="p" variant="bodySm" tone="subdued">
              Owners and admins can export and refresh from Shopify.
            </Text>
          )}
        </InlineStack>
      </Box>
      <ErrorBanner title="Could not start the refresh" error={refresh.error} onDismiss={() => refresh.reset()} />
      <SyncNotices overview={data} refreshing={refreshing} canManage={canManage} />
      {/* The first import has not counted anything yet: zeros would say the store is empty. */}
      {awaitingFirstRead(data, refreshing, connected) ? (
        <LoadingOverview />
      ) : (
        <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
          {RESOURCE_TYPES.map((type) => (
            <TypeSummaryCard key={type} storeId={store.id} type={type} counts={data.types[type]} />
          ))}
        </InlineGrid>
      )}
    </BlockStack>
  );
}

/**
 * The store has never been read from Shopify and is about to be: its first refresh is queued or
 * running, or not yet seen (connecting, or the end of seeding, queues it in the same transaction,
 * and an overview read a moment before still says "never"). Its counts would be zeros that say
 * nothing; the "Sandbox store ready" notice waits for the same moment (store-notices.tsx).
 */
function awaitingFirstRead(data: SyncOverview, refreshing: boolean, connected: boolean): boolean {
  if (data.index.refreshedAt) return false;
  return (
    refreshing ||
    data.index.state === "queued" ||
    data.index.state === "running" ||
    (connected && data.index.state === "never")
  );
}

/**
 * An overview read while a refresh ran, whose end the page never heard of (the run ended between
 * that read and the moment the store's run stream connected, so no event announced it): the live
 * runs say no refresh is under way while the overview still says one is. It is read again, a
 * moment later (the stream may simply not have delivered the run yet), and so on until they agree.
 */
function useReloadStaleOverview(
  storeId: string,
  data: ReturnType<typeof useSyncOverview>["data"],
  runs: ReturnType<typeof useActiveOperations>["data"],
  updatedAt: number,
) {
  const queryClient = useQueryClient();
  const live = runs?.some((run) => run.kind === "index_refresh") ?? true;
  const stale = !live && data !== undefined && (data.index.state === "queued" || data.index.state === "running");
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: syncKeys.overview(storeId) }), 1_000);
    return () => clearTimeout(timer);
  }, [stale, updatedAt, storeId, queryClient]);
}

function SeedingCard() {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Sync status
        </Text>
        <Text as="p" tone="subdued">
          The sandbox store is still being seeded (its progress is shown above). Its products, customers and orders are
          counted here once they have been read from it.
        </Text>
      </BlockStack>
    </Card>
  );
}

function LoadingOverview() {
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
      {RESOURCE_TYPES.map((type) => (
        <Card key={type}>
          <BlockStack gap="400">
            <SkeletonDisplayText size="small" />
            <SkeletonBodyText lines={4} />
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}
