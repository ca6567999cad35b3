// Every background job the product runs: its queue name, payload schema, payload version and queue
// settings. Kept free of handler imports so services can enqueue without import cycles; the
// handlers are attached at the top, in lib/workers/job-handlers.ts.
import { z } from "zod";
import type { Queue } from "pg-boss";
import { SANDBOX_SIZES } from "@/lib/vocabulary/stores";

export type JobDefinition<P extends z.ZodType = z.ZodType> = {
  name: string;
  /** Bumped when the payload changes shape; a worker refuses versions it does not know. */
  version: number;
  payload: P;
  queue: Omit<Queue, "name">;
  /** Jobs of this queue one process runs at once (default 1); one per store still holds by singleton key. */
  concurrency?: number;
  /** Cron (UTC) for a job the product runs by itself, with an empty payload. */
  schedule?: string;
};

const defineJob = <P extends z.ZodType>(definition: JobDefinition<P>) => definition;

const storePayload = z.object({ storeId: z.uuid(), organizationId: z.string().min(1) });

export const JOBS = {
  "sandbox.seed-store": defineJob({
    name: "sandbox.seed-store",
    version: 1,
    payload: z.object({
      storeId: z.uuid(),
      organizationId: z.string().min(1),
      shopDomain: z.string().min(1),
      size: z.enum(SANDBOX_SIZES),
    }),
    // One seeding per store at a time (queued or running); retried from its checkpoint.
    queue: { policy: "exclusive", retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 3600 },
  }),
  "mappings.import-sandbox-sync-state": defineJob({
    name: "mappings.import-sandbox-sync-state",
    version: 1,
    payload: storePayload,
    // After a sandbox store is seeded: its sync-state metafields become mapping rows, then the index refreshes.
    queue: { policy: "exclusive", retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 3600 },
    concurrency: 2,
  }),
  "mappings.mirror": defineJob({
    name: "mappings.mirror",
    version: 1,
    payload: storePayload,
    // One running and one queued per store: a write during a run is picked up by the next one.
    queue: { policy: "stately", retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 4 * 3600 },
    // Stores are independent (each has its own Shopify rate budget).
    concurrency: 4,
  }),
  "shopify-index.refresh": defineJob({
    name: "shopify-index.refresh",
    version: 1,
    payload: storePayload,
    // One refresh per store, queued or running; bulk operations may take a while on big stores.
    queue: { policy: "exclusive", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 6 * 3600 },
    concurrency: 4,
  }),
  "webhooks.prune": defineJob({
    name: "webhooks.prune",
    version: 1,
    payload: z.object({}),
    // Daily: webhook payloads (personal data) and old delivery records are not kept for ever.
    queue: { policy: "exclusive", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600 },
    schedule: "17 3 * * *",
  }),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
