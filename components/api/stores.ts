"use client";

// Stores as the API describes them (types from lib/stores/schemas.ts), the React Query hooks that
// load them and the mutations that change them. A store page can belong to any organization the
// user is in (not only the active one), so its key is its id. Nothing polls: when a run on a
// store ends (seeding, say), the operations stream (operations.ts) loads it again.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import type { OauthConfigStatus } from "@/lib/shopify/oauth/oauth-config";
import type {
  TAddSandboxStoreInput,
  TConnectByTokenRequest,
  TConnectedStoreResponse,
  TDisconnectStoreResponse,
  TListStoresResponse,
  TReplaceStoreTokenRequest,
  TStartOauthRequest,
  TStartOauthResponse,
  TStoreResponse,
  TStoreView,
  TUpdateStoreRequest,
} from "@/lib/stores/schemas";
import type { SandboxSize } from "@/lib/vocabulary/stores";
import { ApiError, apiFetch, type Json } from "./api-fetch";
import { queryKeys } from "./organizations";
import { useApiMutation, type MutationOptions } from "./use-api-mutation";

export type Store = TStoreView;
/** What a sandbox store of each size is seeded with (the sandbox's presets, passed in by the page). */
export type SandboxSizes = Record<SandboxSize, { products: number; customers: number; orders: number }>;

export const storeKeys = {
  all: ["stores"] as const,
  list: ["stores", "list"] as const,
  one: (id: string) => ["stores", "one", id] as const,
  oauthConfig: ["shopify-oauth-config"] as const,
};

const storePath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}`;

export function useStores() {
  return useQuery({
    queryKey: storeKeys.list,
    queryFn: () => apiFetch<TListStoresResponse>("/api/stores"),
    select: (data) => data.stores,
  });
}

export function useStore(id: string) {
  return useQuery({
    queryKey: storeKeys.one(id),
    queryFn: () => apiFetch<TStoreResponse>(storePath(id)),
    select: (data) => data.store,
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

// A change to a store: the store the answer carries goes straight into its page's cache; the list
// and the activity log load again.
async function storeChanged(queryClient: QueryClient, result: { store?: Store }) {
  if (result.store) queryClient.setQueryData<TStoreResponse>(storeKeys.one(result.store.id), { store: result.store });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: storeKeys.list }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
  ]);
}

type Options<R, V = void> = MutationOptions<Json<R>, V>;

/** POST /api/stores/sandbox — small stores are ready at once, larger ones seed in the background. */
export const useAddSandboxStore = (options?: Options<TStoreResponse, TAddSandboxStoreInput>) =>
  useApiMutation(
    (body: TAddSandboxStoreInput) => apiFetch<TStoreResponse>("/api/stores/sandbox", { method: "POST", body }),
    storeChanged,
    options,
  );

/** POST /api/stores/token — Synco tries the token with Shopify before saving it. */
export const useConnectStoreByToken = (options?: Options<TConnectedStoreResponse, TConnectByTokenRequest>) =>
  useApiMutation(
    (body: TConnectByTokenRequest) => apiFetch<TConnectedStoreResponse>("/api/stores/token", { method: "POST", body }),
    storeChanged,
    options,
  );

/** POST /api/shopify/oauth/start — answers Shopify's consent page, where the browser goes next. */
export const useStartOauth = (options?: Options<TStartOauthResponse, TStartOauthRequest>) =>
  useApiMutation(
    (body: TStartOauthRequest) => apiFetch<TStartOauthResponse>("/api/shopify/oauth/start", { method: "POST", body }),
    null,
    options,
  );

/** POST /api/stores/:storeId/reauthorize — OAuth again for the store's shop. */
export const useReauthorizeStore = (storeId: string, options?: Options<TStartOauthResponse>) =>
  useApiMutation(
    () => apiFetch<TStartOauthResponse>(`${storePath(storeId)}/reauthorize`, { method: "POST" }),
    null,
    options,
  );

export const useUpdateStoreSettings = (storeId: string, options?: Options<TStoreResponse, TUpdateStoreRequest>) =>
  useApiMutation(
    (body: TUpdateStoreRequest) => apiFetch<TStoreResponse>(storePath(storeId), { method: "PATCH", body }),
    storeChanged,
    options,
  );

/** PUT …/auto-sync: automatic sync to Odoo from Shopify's webhooks on or off (audited). */
export const useSetAutoSync = (storeId: string) =>
  useApiMutation(
    (enabled: boolean) =>
      apiFetch<TStoreResponse>(`${storePath(storeId)}/auto-sync`, { method: "PUT", body: { enabled } }),
    storeChanged,
  );

export const useReplaceStoreToken = (
  storeId: string,
  options?: Options<TConnectedStoreResponse, TReplaceStoreTokenRequest>,
) =>
  useApiMutation(
    (body: TReplaceStoreTokenRequest) =>
      apiFetch<TConnectedStoreResponse>(`${storePath(storeId)}/token`, { method: "PUT", body }),
    storeChanged,
    options,
  );

export const useDisconnectStore = (storeId: string, options?: Options<TDisconnectStoreResponse>) =>
  useApiMutation(
    () => apiFetch<TDisconnectStoreResponse>(`${storePath(storeId)}/disconnect`, { method: "POST" }),
    storeChanged,
    options,
  );
