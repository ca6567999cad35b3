// What each job does: one service call with the parsed payload. `final` is true on the last
// attempt, so a handler can record a failure the user should see instead of a retry.
import type { JobName, JobPayload } from "@/lib/jobs/definitions";
import { importSandboxSyncState } from "@/lib/mappings/import-sandbox-sync-state";
import { mirrorMappings } from "@/lib/mappings/mirror-mappings";
import { refreshShopifyIndex } from "@/lib/shopify-index/refresh-shopify-index";
import { seedSandboxStoreData } from "@/lib/stores/sandbox/seed-sandbox-store-data";
import { pruneWebhookEvents } from "@/lib/webhooks/prune-webhook-events";

export type JobContext = { jobId: string; final: boolean };

export const JOB_HANDLERS: { [N in JobName]: (payload: JobPayload<N>, context: JobContext) => Promise<void> } = {
  "sandbox.seed-store": (payload, context) => seedSandboxStoreData({ ...payload, final: context.final }),
  "mappings.import-sandbox-sync-state": async (payload) => {
    await importSandboxSyncState(payload);
  },
  "mappings.mirror": async (payload) => {
    await mirrorMappings(payload);
  },
  "shopify-index.refresh": (payload, context) =>
    refreshShopifyIndex({ ...payload, jobId: context.jobId, final: context.final }),
  "webhooks.prune": async () => {
    await pruneWebhookEvents();
  },
};
