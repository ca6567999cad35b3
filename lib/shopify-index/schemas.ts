// Answer shapes of the index routes. No server imports: the pages use these too.
import type { IndexRefreshState, ResourceType } from "@/lib/vocabulary/sync";

export type TIndexStatusView = {
  state: IndexRefreshState;
  /** True while a refresh is queued or running. */
  refreshing: boolean;
  /** The latest refresh's operation run (its live progress: /operations/:runId/events). */
  runId: string | null;
  /** When the last successful refresh started: the index shows Shopify as of then, plus webhooks since. */
  refreshedAt: string | null;
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  imported: Partial<Record<ResourceType, number>> | null;
};

/** POST /api/stores/:storeId/sync/refresh */
export type TRequestIndexRefreshResponse = { refresh: TIndexStatusView; runId: string; alreadyQueued: boolean };
