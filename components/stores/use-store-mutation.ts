"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/components/api/api-fetch";
import { queryKeys } from "@/components/api/queries";
import { storeKeys, type Store } from "@/components/api/stores";
import { useToast } from "@/components/shell/toast";

/**
 * A change to a store: the store the answer carries goes straight into its page's cache, the
 * list and the activity log are fetched again, and `success` (if it returns text) is shown as a toast.
 */
export function useStoreMutation<V, R extends { store?: Store } = { store?: Store }>(
  request: (variables: V) => Promise<R>,
  success?: (result: R, variables: V) => string | undefined,
) {
  const queryClient = useQueryClient();
  const showToast = useToast();
  return useMutation<R, ApiError, V>({
    mutationFn: request,
    onSuccess: async (result, variables) => {
      if (result.store) queryClient.setQueryData(storeKeys.one(result.store.id), { store: result.store });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: storeKeys.list }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
      ]);
      const message = success?.(result, variables);
      if (message) showToast(message);
    },
  });
}
