"use client";

// A store's sync status as the API describes it — the overview, the item lists and one item with
// its mapping — and the React Query hooks that load them. There is no event stream for index
// refreshes, so the overview polls while one is queued or running, and the lists load again when
// it ends.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { TRequestIndexRefreshResponse } from "@/lib/shopify-index/schemas";
import type { TSyncItemResponse, TSyncItemsPage, TSyncOverviewResponse } from "@/lib/sync/schemas";
import type { ExportFormat, ResourceType, SyncMirrorFilter, SyncTab } from "@/lib/vocabulary/sync";
import { ApiError, apiFetch, type Json } from "./api-fetch";
import { queryKeys } from "./organizations";
import { useApiMutation, type MutationOptions } from "./use-api-mutation";

export type {
  TSyncItem as SyncItem,
  TSyncItemDetail as SyncItemDetail,
  TSyncOverview as SyncOverview,
} from "@/lib/sync/schemas";

/** `mirror: "failed"`: only the items whose mapping Shopify refused to store. */
export type SyncItemsFilter = {
  type: ResourceType;
  tab: SyncTab;
  mirror: SyncMirrorFilter | null;
  q: string;
  after: string | null;
};

export const syncKeys = {
  overview: (storeId: string) => ["sync", storeId, "overview"] as const,
  items: (storeId: string) => ["sync", storeId, "items"] as const,
  page: (storeId: string, filter: SyncItemsFilter) => ["sync", storeId, "items", filter] as const,
  item: (storeId: string, type: ResourceType, shopifyId: string) => ["sync", storeId, "item", type, shopifyId] as const,
};

const REFRESH_POLL_MS = 1_500;
/** Mapping writes reach Shopify in the background: the backlog is worth a slower look. */
const MIRROR_POLL_MS = 5_000;

const storePath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/sync`;
const notFound = (error: Error) => error instanceof ApiError && error.status === 404;

/** `waiting`: the store is still being seeded, so the index has not started yet: keep asking. */
export function useSyncOverview(storeId: string, { waiting = false }: { waiting?: boolean } = {}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: syncKeys.overview(storeId),
    queryFn: () => apiFetch<TSyncOverviewResponse>(`${storePath(storeId)}/overview`),
    select: (data) => data.overview,
    refetchInterval: (q) => {
      const overview = q.state.data?.overview;
      if (waiting || overview?.index.refreshing) return REFRESH_POLL_MS;
      return overview && overview.mirror.pending > 0 ? MIRROR_POLL_MS : false;
    },
    retry: (failures, error) => !notFound(error) && failures < 1,
  });

  // A refresh that just ended changed the index: every list of the store loads again. Seeding
  // that just ended queued the first refresh: the overview asks at once rather than at its next poll.
  const refreshing = query.data?.index.refreshing ?? false;
  const before = useRef({ refreshing, waiting });
  useEffect(() => {
    if (before.current.refreshing && !refreshing)
      void queryClient.invalidateQueries({ queryKey: syncKeys.items(storeId) });
    if (before.current.waiting && !waiting)
      void queryClient.invalidateQueries({ queryKey: syncKeys.overview(storeId) });
    before.current = { refreshing, waiting };
  }, [refreshing, waiting, queryClient, storeId]);
  return query;
}

export function useSyncItems(storeId: string, filter: SyncItemsFilter) {
  const params = new URLSearchParams({ type: filter.type, tab: filter.tab });
  if (filter.mirror) params.set("mirror", filter.mirror);
  if (filter.q) params.set("q", filter.q);
  if (filter.after) params.set("after", filter.after);
  return useQuery({
    queryKey: syncKeys.page(storeId, filter),
    queryFn: () => apiFetch<TSyncItemsPage>(`${storePath(storeId)}/items?${params}`),
    // The table keeps its rows while the next page, tab or search loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useSyncItem(storeId: string, type: ResourceType, shopifyId: string | null) {
  return useQuery({
    queryKey: syncKeys.item(storeId, type, shopifyId ?? ""),
    queryFn: () => apiFetch<TSyncItemResponse>(`${storePath(storeId)}/items/${type}/${encodeURIComponent(shopifyId!)}`),
    select: (data) => data.item,
    enabled: shopifyId !== null,
    retry: (failures, error) => !notFound(error) && failures < 1,
  });
}

/** The download address of the store's mapping (admins); a plain navigation, never fetched ahead. */
export function syncExportUrl(storeId: string, format: ExportFormat): string {
  return `${storePath(storeId)}/export?format=${format}`;
}

/** "Refresh from Shopify": the answer's state goes straight into the overview, whose polling then follows the refresh. */
export const useRefreshIndex = (storeId: string, options?: MutationOptions<Json<TRequestIndexRefreshResponse>, void>) =>
  useApiMutation(
    () => apiFetch<TRequestIndexRefreshResponse>(`${storePath(storeId)}/refresh`, { method: "POST" }),
    async (queryClient, { refresh }) => {
      queryClient.setQueryData<TSyncOverviewResponse>(syncKeys.overview(storeId), (old) =>
        old ? { overview: { ...old.overview, index: refresh } } : old,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
    options,
  );
