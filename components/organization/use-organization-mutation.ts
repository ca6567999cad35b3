"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/components/api/api-fetch";
import { queryKeys } from "@/components/api/queries";
import { useToast } from "@/components/shell/toast";

/**
 * A change to the active organization: on success the organization and the user's list of
 * organizations (names, roles) are fetched again, and `success` is shown as a toast.
 */
export function useOrganizationMutation<V, R = unknown>(
  request: (variables: V) => Promise<R>,
  success?: (variables: V) => string,
) {
  const queryClient = useQueryClient();
  const showToast = useToast();
  return useMutation<R, ApiError, V>({
    mutationFn: request,
    onSuccess: async (_result, variables) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.organization }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
      if (success) showToast(success(variables));
    },
  });
}
