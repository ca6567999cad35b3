"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-fetch";

/** What a page may add to a mutation: runs after the caches are updated, even if the page has gone. */
export type MutationOptions<R, V> = { onSuccess?: (result: R, variables: V) => unknown };

/**
 * A call that changes something: `request` sends it, `update` brings the caches in line with the
 * answer, then the caller's `onSuccess` runs (toasts, navigation). Errors are ApiErrors.
 */
export function useApiMutation<V, R>(
  request: (variables: V) => Promise<R>,
  update: ((queryClient: QueryClient, result: R, variables: V) => unknown) | null,
  options: MutationOptions<R, V> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: request,
    onSuccess: async (result, variables) => {
      await update?.(queryClient, result, variables);
      await options.onSuccess?.(result, variables);
    },
  });
}
