"use client";

// Clear Synco Data as the Advanced settings page uses it: the preview of what a clear of a scope
// would delete, and the start (one Idempotency-Key per opened confirmation, so a double click or
// a retry is the same run). The run itself is an operation: its progress comes from operations.ts.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TClearPreviewResponse, TStartClearRequest, TStartClearResponse } from "@/lib/clear/schemas";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { apiFetch } from "./api-fetch";
import { runStarted } from "./operations";
import { queryKeys } from "./organizations";
import { useApiMutation } from "./use-api-mutation";

const storePath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}`;

export const clearKeys = {
  preview: (storeId: string, scope: ResourceType[]) => ["clear", storeId, "preview", scope.join(",")] as const,
};

/** What a clear of these types would delete (members may read it too). */
export function useClearPreview(storeId: string, scope: ResourceType[], enabled: boolean) {
  return useQuery({
    queryKey: clearKeys.preview(storeId, scope),
    queryFn: async () =>
      (await apiFetch<TClearPreviewResponse>(`${storePath(storeId)}/clear/preview?scope=${scope.join(",")}`)).preview,
    enabled: enabled && scope.length > 0,
    placeholderData: keepPreviousData,
    // Counts change with every sync: each opening of the confirmation asks again.
    staleTime: 0,
  });
}

export type StartClear = TStartClearRequest & { idempotencyKey: string };

/** POST …/clears: 202 with the run (queued, or the one this key already started); 409 names the clear under way. */
export const useStartClear = (storeId: string) =>
  useApiMutation(
    ({ idempotencyKey, ...body }: StartClear) =>
      apiFetch<TStartClearResponse>(`${storePath(storeId)}/clears`, {
        method: "POST",
        body,
        headers: { "idempotency-key": idempotencyKey },
      }),
    async (queryClient, { run }) => {
      runStarted(queryClient, run);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  );
