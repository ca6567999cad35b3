"use client";

// A store's Odoo connection as the API describes it (types from lib/stores/odoo/schemas.ts): the
// query that loads it, and the mutations that save, remove and test it.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import type {
  TOdooConnectionResponse,
  TRemoveOdooConnectionResponse,
  TSaveOdooConnectionInput,
  TTestOdooConnectionRequest,
  TTestOdooConnectionResponse,
} from "@/lib/stores/odoo/schemas";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./organizations";
import { useApiMutation, type MutationOptions } from "./use-api-mutation";

export const odooKeys = { one: (storeId: string) => ["stores", "odoo", storeId] as const };

const odooPath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/odoo`;

export function useOdooConnection(storeId: string) {
  return useQuery({
    queryKey: odooKeys.one(storeId),
    queryFn: () => apiFetch<TOdooConnectionResponse>(odooPath(storeId)),
    select: (data) => data.connection,
  });
}

async function connectionChanged(queryClient: QueryClient, storeId: string, result: TOdooConnectionResponse) {
  queryClient.setQueryData<TOdooConnectionResponse>(odooKeys.one(storeId), { connection: result.connection });
  await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
}

export const useSaveOdooConnection = (
  storeId: string,
  options?: MutationOptions<TOdooConnectionResponse, TSaveOdooConnectionInput>,
) =>
  useApiMutation(
    (body: TSaveOdooConnectionInput) => apiFetch<TOdooConnectionResponse>(odooPath(storeId), { method: "PUT", body }),
    (queryClient, result) => connectionChanged(queryClient, storeId, result),
    options,
  );

export const useRemoveOdooConnection = (
  storeId: string,
  options?: MutationOptions<TRemoveOdooConnectionResponse, void>,
) =>
  useApiMutation(
    () => apiFetch<TRemoveOdooConnectionResponse>(odooPath(storeId), { method: "DELETE" }),
    (queryClient, result) => connectionChanged(queryClient, storeId, result),
    options,
  );

/** Tests the values given (what is left out comes from the saved connection); a test of the saved one is kept on it. */
export const useTestOdooConnection = (
  storeId: string,
  options?: MutationOptions<TTestOdooConnectionResponse, TTestOdooConnectionRequest>,
) =>
  useApiMutation(
    (body: TTestOdooConnectionRequest) =>
      apiFetch<TTestOdooConnectionResponse>(`${odooPath(storeId)}/test`, { method: "POST", body }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: odooKeys.one(storeId) }),
    options,
  );
