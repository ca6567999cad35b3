"use client";

// Stores as the API describes them, and the React Query hooks that load them. A store page can
// belong to any organization the user is in (not only the active one), so its key is its id.
import { useQuery } from "@tanstack/react-query";
import type { TStoreView } from "@/lib/stores/schemas";
import { ApiError, apiFetch } from "./api-fetch";

export type Store = TStoreView;
export type SandboxSize = NonNullable<Store["sandboxSize"]>;
/** What a sandbox store of each size is seeded with (the sandbox's presets, passed in by the page). */
export type SandboxSizes = Record<SandboxSize, { products: number; customers: number; orders: number }>;
export type OauthConfigStatus = { configured: boolean; missing: string[]; scopes: string[] };

export const storeKeys = {
  all: ["stores"] as const,
  list: ["stores", "list"] as const,
  one: (id: string) => ["stores", "one", id] as const,
  oauthConfig: ["shopify-oauth-config"] as const,
};

/** While a sandbox store is being seeded, its page asks again this often. */
const SEEDING_POLL_MS = 1_500;

export function useStores() {
  return useQuery({
    queryKey: storeKeys.list,
    queryFn: () => apiFetch<{ stores: Store[] }>("/api/stores"),
    select: (data) => data.stores,
    refetchInterval: (query) =>
      query.state.data?.stores.some((store) => store.seedStatus === "seeding") ? SEEDING_POLL_MS * 2 : false,
  });
}

export function useStore(id: string) {
  return useQuery({
    queryKey: storeKeys.one(id),
    queryFn: () => apiFetch<{ store: Store }>(`/api/stores/${encodeURIComponent(id)}`),
    select: (data) => data.store,
    refetchInterval: (query) => (query.state.data?.store.seedStatus === "seeding" ? SEEDING_POLL_MS : false),
    // A missing or foreign store is a 404: asking again will not change that.
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 1,
  });
}

export function useOauthConfig() {
  return useQuery({
    queryKey: storeKeys.oauthConfig,
    queryFn: () => apiFetch<OauthConfigStatus>("/api/shopify/oauth/config"),
    staleTime: 60_000,
  });
}
