"use client";

// The sync to Odoo as the lists ask for it: POST …/odoo-sync with the items (selected, every one
// not synced, or the failed ones) and an Idempotency-Key per press. The run that takes them is an
// operation: its progress comes from operations.ts, on every page of the store.
import type { TOdooSyncRequest, TOdooSyncResponse } from "@/lib/odoo-sync/schemas";
import { apiFetch } from "./api-fetch";
import { runStarted } from "./operations";
import { queryKeys } from "./organizations";
import { useApiMutation } from "./use-api-mutation";

export const useRequestOdooSync = (storeId: string) =>
  useApiMutation(
    (request: TOdooSyncRequest & { idempotencyKey: string }) => {
      const { idempotencyKey, ...body } = request;
      return apiFetch<TOdooSyncResponse>(`/api/stores/${encodeURIComponent(storeId)}/odoo-sync`, {
        method: "POST",
        body,
        headers: { "idempotency-key": idempotencyKey },
      });
    },
    async (queryClient, { run }) => {
      runStarted(queryClient, run);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  );
