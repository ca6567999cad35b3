"use client";

// Restore from an export as Advanced settings uses it: the upload (the file as the request body,
// one Idempotency-Key per chosen file, so a double click or a retry is the same run) and the rows
// a finished restore did not restore, a page at a time. The run itself is an operation.
import { useInfiniteQuery } from "@tanstack/react-query";
import type { TRestoreRowsPage, TStartRestoreResponse } from "@/lib/restore/schemas";
import type { RestoreRowOutcome } from "@/lib/vocabulary/restore";
import { ApiError, apiFetch, type Json } from "./api-fetch";
import { runStarted } from "./operations";
import { queryKeys } from "./organizations";
import { useApiMutation } from "./use-api-mutation";

const storePath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}`;

export type StartRestore = { file: File; idempotencyKey: string };

/** POST …/restores with the file: 202 with the run; 413 too large, 422 not an export, 409 another clear or restore. */
export const useStartRestore = (storeId: string) =>
  useApiMutation(
    async ({ file, idempotencyKey }: StartRestore) => {
      let response: Response;
      try {
        response = await fetch(`${storePath(storeId)}/restores`, {
          method: "POST",
          credentials: "same-origin",
          headers: {
            accept: "application/json",
            "content-type": file.name.toLowerCase().endsWith(".json") ? "application/json" : "text/csv",
            "idempotency-key": idempotencyKey,
            "x-file-name": encodeURIComponent(file.name),
          },
          body: file,
        });
      } catch (err) {
        throw new ApiError(0, "network", "Could not reach Synco. Check your connection and try again.", undefined, {
          cause: err,
        });
      }
      const data = (await response.json().catch(() => null)) as
        (Json<TStartRestoreResponse> & { error?: { code?: string; message?: string; field?: string } }) | null;
      if (!response.ok) {
        const error = data?.error;
        throw new ApiError(
          response.status,
          error?.code ?? "unknown",
          error?.message ?? `The upload failed (${response.status}). Please try again.`,
          error?.field,
        );
      }
      return data as Json<TStartRestoreResponse>;
    },
    async (queryClient, { run }) => {
      runStarted(queryClient, run);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  );

/** A restore's rows of one outcome, in file order, fifty at a time. */
export function useRestoreRows(storeId: string, runId: string, outcome: RestoreRowOutcome, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["restore", storeId, runId, "rows", outcome],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      apiFetch<TRestoreRowsPage>(
        `${storePath(storeId)}/restores/${encodeURIComponent(runId)}/rows?outcome=${outcome}&after=${pageParam}&limit=50`,
      ),
    getNextPageParam: (page) => page.nextAfter ?? undefined,
    enabled,
  });
}

/** The download address of a restore's rows not restored, as a CSV to fix and upload again; a plain navigation. */
export function restoreRowsExportUrl(storeId: string, runId: string): string {
  return `${storePath(storeId)}/restores/${encodeURIComponent(runId)}/rows/export`;
}
