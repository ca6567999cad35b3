"use client";

// A store's sync status as the API describes it — the overview, the item lists and one item with
// its mapping — and the React Query hooks that load them. Nothing polls: when a run on the store
// ends (a refresh, the mirror, seeding), the operations stream (operations.ts) loads the overview
// and the lists again.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TRequestIndexRefreshResponse } from "@/lib/shopify-index/schemas";
import type { TSyncItemResponse, TSyncItemsCount, TSyncItemsPage, TSyncOverviewResponse } from "@/lib/sync/schemas";
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
  /** 1-based; read through `after` when the cursor is known (cheaper), else by number. */
  page: number;
  after: string | null;
};

export const syncKeys = {
  overview: (storeId: string) => ["sync", storeId, "overview"] as const,
  items: (storeId: string) => ["sync", storeId, "items"] as const,
  page: (storeId: string, filter: SyncItemsFilter) => ["sync", storeId, "items", filter] as const,
  count: (storeId: string, filter: Omit<SyncItemsFilter, "page" | "after">) =>
    ["sync", storeId, "items", "count", filter] as const,
  item: (storeId: string, type: ResourceType, shopifyId: string) => ["sync", storeId, "item", type, shopifyId] as const,
};

const storePath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/sync`;
const notFound = (error: Error) => error instanceof ApiError && error.status === 404;

/** `enabled: false`: no request of its own, but an overview already loaded (or loaded later by another component) is still returned. */
export function useSyncOverview(storeId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: syncKeys.overview(storeId),
    queryFn: () => apiFetch<TSyncOverviewResponse>(`${storePath(storeId)}/overview`),
    select: (data) => data.overview,
    retry: (failures, error) => !notFound(error) && failures < 1,
  });
}

export function useSyncItems(storeId: string, filter: SyncItemsFilter) {
  const params = new URLSearchParams({ type: filter.type, tab: filter.tab });
  if (filter.mirror) params.set("mirror", filter.mirror);
  if (filter.q) params.set("q", filter.q);
  if (filter.after) params.set("after", filter.after);
  else if (filter.page > 1) params.set("page", String(filter.page));
  return useQuery({
    queryKey: syncKeys.page(storeId, filter),
    queryFn: () => apiFetch<TSyncItemsPage>(`${storePath(storeId)}/items?${params}`),
    // The table keeps its rows while the next page, tab or search loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** How many items a search (or a filter without a counter) holds: counted up to 10,000. */
export function useSyncItemsCount(storeId: string, filter: Omit<SyncItemsFilter, "page" | "after">, enabled: boolean) {
  const params = new URLSearchParams({ type: filter.type, tab: filter.tab });
  if (filter.mirror) params.set("mirror", filter.mirror);
  if (filter.q) params.set("q", filter.q);
  return useQuery({
    queryKey: syncKeys.count(storeId, filter),
    queryFn: () => apiFetch<TSyncItemsCount>(`${storePath(storeId)}/items/count?${params}`),
    enabled,
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

/** The download address of a list's items as CSV (admins): every type when `filter` has no type (the overview's). */
export function syncItemsExportUrl(
  storeId: string,
  filter: Partial<Omit<SyncItemsFilter, "page" | "after">> = {},
): string {
  const params = new URLSearchParams();
  if (filter.type) params.set("type", filter.type);
  if (filter.tab && filter.tab !== "all") params.set("tab", filter.tab);
  if (filter.mirror) params.set("mirror", filter.mirror);
  if (filter.q) params.set("q", filter.q);
  const query = params.toString();
  return `${storePath(storeId)}/items/export${query ? `?${query}` : ""}`;
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
