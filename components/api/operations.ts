"use client";

// Operations (seeding, index refreshes, the mirror; next the clear and the sync) as the pages see
// them: one hook on EventSource writes what the server streams into React Query's cache, and
// when a run ends it refreshes what the run changed (the store, its counts and lists). Pages read
// runs from the cache with the hooks below; none polls.
import { useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  applyRunEvent,
  isActiveStatus,
  type OperationKind,
  type TActiveRunsResponse,
  type TOperationEvent,
  type TOperationRun,
  type TRunResponse,
  type TRunsPage,
  type TRunsSnapshot,
  type TRunSnapshot,
  type TRunUpdate,
} from "@/lib/operations/schemas";
import { apiFetch } from "./api-fetch";
import { queryKeys } from "./organizations";
import { storeKeys } from "./stores";
import { syncKeys } from "./sync";
import { useApiMutation } from "./use-api-mutation";

export type OperationRun = TOperationRun;

export const operationKeys = {
  /** The store's queued and running runs. */
  active: (storeId: string) => ["operations", "store", storeId, "active"] as const,
  /** The active organization's queued and running runs, every store. */
  organization: ["operations", "organization"] as const,
  run: (runId: string) => ["operations", "run", runId] as const,
  history: (storeId: string) => ["operations", "store", storeId, "history"] as const,
};

const storePath = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/operations`;

/** Where a stream is, and where its runs go in the cache. */
export type OperationStreamScope =
  { scope: "store"; storeId: string } | { scope: "organization" } | { scope: "run"; storeId: string; runId: string };

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

/**
 * The one hook on EventSource: follows a store's runs, the organization's, or one run's timeline,
 * and keeps the cache current. The browser reconnects by itself after a network error (sending
 * Last-Event-ID for a run, so nothing is missed); a refused connection (401, 404) is retried
 * later, after the matching query has had its say (a 401 sends the user to sign in).
 */
export function useOperationStream(target: OperationStreamScope | null) {
  const queryClient = useQueryClient();
  const key = target ? JSON.stringify(target) : null;
  useEffect(() => {
    if (!key) return;
    const scope = JSON.parse(key) as OperationStreamScope;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let retryMs = FIRST_RETRY_MS;
    let stopped = false;

    const open = () => {
      const current = new EventSource(streamUrl(scope));
      source = current;
      const on = (type: string, handle: (data: never) => void) =>
        current.addEventListener(type, (message) => {
          retryMs = FIRST_RETRY_MS;
          handle(JSON.parse((message as MessageEvent<string>).data) as never);
        });
      on("snapshot", (data: TRunsSnapshot | TRunSnapshot) => {
        if ("runs" in data) replaceActive(queryClient, scope, data.runs);
        else {
          setRun(queryClient, data.run);
          if (!isActiveStatus(data.run.status)) close();
        }
      });
      on("run", ({ run, event }: TRunUpdate) => {
        setRun(queryClient, run);
        upsertActive(queryClient, scope, run);
        if (event === "finished") runFinished(queryClient, run);
      });
      for (const type of ["status", "phase", "progress", "finished"])
        on(type, (event: TOperationEvent) => {
          const before = queryClient.getQueryData<TOperationRun>(operationKeys.run(event.runId));
          if (before) setRun(queryClient, applyRunEvent(before, event));
          if (event.type === "finished") {
            const after = queryClient.getQueryData<TOperationRun>(operationKeys.run(event.runId));
            if (after) runFinished(queryClient, after);
            close();
          }
        });
      current.onerror = () => {
        // CONNECTING: the browser is reconnecting by itself. CLOSED: it gave up (an error status, or 204 after the end).
        if (current.readyState !== EventSource.CLOSED || stopped) return;
        void queryClient.invalidateQueries({ queryKey: queryFor(scope) });
        retryTimer = setTimeout(open, retryMs);
        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
      };
    };
    const close = () => {
      stopped = true;
      source?.close();
    };
    open();
    return () => {
      close();
      if (retryTimer) clearTimeout(retryTimer);
    };
  }, [key, queryClient]);
}

function streamUrl(scope: OperationStreamScope): string {
  if (scope.scope === "organization") return "/api/organization/operations/events";
  if (scope.scope === "store") return `${storePath(scope.storeId)}/events`;
  return `${storePath(scope.storeId)}/${encodeURIComponent(scope.runId)}/events`;
}

const queryFor = (scope: OperationStreamScope) =>
  scope.scope === "organization"
    ? operationKeys.organization
    : scope.scope === "store"
      ? operationKeys.active(scope.storeId)
      : operationKeys.run(scope.runId);

const listKey = (scope: OperationStreamScope) =>
  scope.scope === "organization" ? operationKeys.organization : operationKeys.active(scope.storeId);

function setRun(queryClient: QueryClient, run: TOperationRun) {
  queryClient.setQueryData<TOperationRun>(operationKeys.run(run.id), (before) =>
    before && before.lastSeq > run.lastSeq ? before : run,
  );
}

function replaceActive(queryClient: QueryClient, scope: OperationStreamScope, runs: TOperationRun[]) {
  const key = listKey(scope);
  const before = queryClient.getQueryData<TOperationRun[]>(key) ?? [];
  queryClient.setQueryData<TOperationRun[]>(key, runs);
  for (const run of runs) setRun(queryClient, run);
  // A run that ended while the stream was away: what it changed is loaded again.
  for (const gone of before.filter((run) => !runs.some((now) => now.id === run.id))) runFinished(queryClient, gone);
}

function upsertActive(queryClient: QueryClient, scope: OperationStreamScope, run: TOperationRun) {
  if (scope.scope === "run") return;
  // A run on a store the list does not know yet (added in another tab): the list loads again.
  const stores = queryClient.getQueryData<{ stores: { id: string }[] }>(storeKeys.list);
  if (scope.scope === "organization" && stores && !stores.stores.some((store) => store.id === run.storeId))
    void queryClient.invalidateQueries({ queryKey: storeKeys.list });
  queryClient.setQueryData<TOperationRun[]>(listKey(scope), (runs = []) => {
    const others = runs.filter((other) => other.id !== run.id);
    const known = runs.find((other) => other.id === run.id);
    if (known && known.lastSeq > run.lastSeq) return runs;
    return isActiveStatus(run.status) ? [...others, run] : others;
  });
}

/** A run ended: the store it worked on, its counts and lists load again. */
function runFinished(queryClient: QueryClient, run: TOperationRun) {
  for (const queryKey of [
    storeKeys.one(run.storeId),
    storeKeys.list,
    syncKeys.overview(run.storeId),
    syncKeys.items(run.storeId),
    operationKeys.history(run.storeId),
  ])
    void queryClient.invalidateQueries({ queryKey });
}

/** The store's queued and running runs, kept live by its stream. */
export function useActiveOperations(storeId: string) {
  useOperationStream({ scope: "store", storeId });
  return useQuery({
    queryKey: operationKeys.active(storeId),
    queryFn: async () => (await apiFetch<TRunsPage>(`${storePath(storeId)}?limit=1`)).active,
    staleTime: Infinity,
  });
}

/** The active organization's queued and running runs (the stores list), kept live by its stream. */
export function useOrganizationOperations() {
  useOperationStream({ scope: "organization" });
  return useQuery({
    queryKey: operationKeys.organization,
    queryFn: async () => (await apiFetch<TActiveRunsResponse>("/api/organization/operations")).runs,
    staleTime: Infinity,
  });
}

/** One run, followed live until it ends. */
export function useOperationRun(storeId: string, runId: string | null) {
  const query = useQuery({
    queryKey: operationKeys.run(runId ?? ""),
    queryFn: async () => (await apiFetch<TRunResponse>(`${storePath(storeId)}/${encodeURIComponent(runId!)}`)).run,
    enabled: runId !== null,
    staleTime: Infinity,
  });
  const active = query.data ? isActiveStatus(query.data.status) : true;
  useOperationStream(runId && active ? { scope: "run", storeId, runId } : null);
  return query;
}

/** The store's latest run of a kind, finished or not (a failed seeding's reason and Retry). */
export function useLatestOperation(storeId: string, kind: OperationKind, enabled = true) {
  return useQuery({
    queryKey: [...operationKeys.history(storeId), kind, "latest"],
    queryFn: async () => {
      const page = await apiFetch<TRunsPage>(`${storePath(storeId)}?kind=${kind}&limit=1`);
      return page.active[0] ?? page.history[0] ?? null;
    },
    enabled,
  });
}

/** A run this page just started: into the cache, so its progress shows before the stream's first word. */
export function runStarted(queryClient: QueryClient, run: TOperationRun) {
  setRun(queryClient, run);
  upsertActive(queryClient, { scope: "store", storeId: run.storeId }, run);
}

/** The store's finished runs, newest first, a page at a time (reloaded when one of its runs ends). */
export function useRunHistory(storeId: string, kind: OperationKind | null) {
  return useInfiniteQuery({
    queryKey: [...operationKeys.history(storeId), "pages", kind ?? "all"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: "10" });
      if (kind) search.set("kind", kind);
      if (pageParam) search.set("before", pageParam);
      return apiFetch<TRunsPage>(`${storePath(storeId)}?${search}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Cancel (admins): a queued run at once, a running one at its next checkpoint. */
export const useCancelOperation = (storeId: string) => useRunAction(storeId, "cancel");

/** Resume (admins): a failed or cancelled run continues from its checkpoint. */
export const useResumeOperation = (storeId: string) => useRunAction(storeId, "resume");

function useRunAction(storeId: string, action: "cancel" | "resume") {
  return useApiMutation(
    (runId: string) =>
      apiFetch<TRunResponse>(`${storePath(storeId)}/${encodeURIComponent(runId)}/${action}`, {
        method: "POST",
      }),
    async (queryClient, { run }) => {
      setRun(queryClient, run);
      upsertActive(queryClient, { scope: "store", storeId }, run);
      // A resumed run makes the store seeding, or its overview refreshing, again.
      const reload = action === "resume" ? [storeKeys.one(storeId), syncKeys.overview(storeId)] : [];
      for (const queryKey of [queryKeys.audit, ...reload]) await queryClient.invalidateQueries({ queryKey });
    },
  );
}
