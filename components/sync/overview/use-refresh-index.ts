"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type ApiError } from "@/components/api/api-fetch";
import { queryKeys } from "@/components/api/queries";
import { syncKeys, syncRefreshPath, type SyncOverview } from "@/components/api/sync";
import { useToast } from "@/components/shell/toast";

type Refresh = { refresh: SyncOverview["index"]; alreadyQueued: boolean };

/** "Refresh from Shopify": the answer's state goes straight into the overview, whose polling then follows the refresh. */
export function useRefreshIndex(storeId: string) {
  const queryClient = useQueryClient();
  const showToast = useToast();
  return useMutation<Refresh, ApiError>({
    mutationFn: () => apiFetch<Refresh>(syncRefreshPath(storeId), { method: "POST" }),
    onSuccess: async ({ refresh, alreadyQueued }) => {
      queryClient.setQueryData<{ overview: SyncOverview }>(syncKeys.overview(storeId), (old) =>
        old ? { overview: { ...old.overview, index: refresh } } : old,
      );
      showToast(alreadyQueued ? "A refresh from Shopify is already under way" : "Refreshing from Shopify");
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
