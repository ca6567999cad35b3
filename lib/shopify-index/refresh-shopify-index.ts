// The refresh job: products, customers and orders read from Shopify by bulk queries into the
// index (see importShopifyItems), then the counters reconciled with the rows. The state row shows
// running / succeeded / failed; a failure before the last attempt shows queued again (pg-boss
// retries with backoff). Safe to run twice: every write is an idempotent, newest-wins upsert.
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { shopifyIndexStatus, shopifyIndexTombstones } from "@/db/schema/shopify-index";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { reconcileSyncCounts } from "@/lib/shopify-index/reconcile-sync-counts";
import { findStore } from "@/lib/stores/find-store";
import { storeShopifyClient } from "@/lib/stores/store-shopify-client";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { importShopifyItems } from "./import-shopify-items";

type Options = { storeId: string; organizationId: string; jobId?: string | null; final?: boolean };

export async function refreshShopifyIndex({
  storeId,
  organizationId,
  jobId = null,
  final = true,
}: Options): Promise<void> {
  const store = await findStore({ storeId, organizationId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!store) return;
  const [{ now: startedAt }] = (await db.execute<{ now: Date }>(sql`select now() as now`)).rows as [{ now: Date }];
  const started = new Date(startedAt);
  await setStatus(storeId, { state: "running", jobId, startedAt: started, finishedAt: null });
  const log = logger.child({ storeId, jobId });
  try {
    if (store.status === "disconnected")
      throw new AppError("conflict", "The store is disconnected: connect it again to refresh its items");
    const { client } = await storeShopifyClient({ storeId, organizationId }, { deadlineMs: 600_000 });
    await db
      .delete(shopifyIndexTombstones)
      .where(
        and(
          eq(shopifyIndexTombstones.storeId, storeId),
          lt(shopifyIndexTombstones.deletedAt, sql`now() - interval '7 days'`),
        ),
      );
    const imported: Partial<Record<ResourceType, number>> = {};
    for (const type of RESOURCE_TYPES) {
      const outcome = await importShopifyItems({ client, storeId, type, startedAt: started });
      imported[type] = outcome.imported;
      log.info({ type, ...outcome }, "index import finished");
    }
    const drift = await reconcileSyncCounts({ storeId });
    if (drift.statusesFixed || drift.countersFixed) log.warn(drift, "sync counters had drifted and were reconciled");
    await setStatus(storeId, {
      state: "succeeded",
      finishedAt: new Date(),
      refreshedAt: started,
      imported,
      lastError: null,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stop = final || (error instanceof AppError && error.code === "conflict");
    await setStatus(storeId, {
      state: stop ? "failed" : "queued",
      finishedAt: new Date(),
      lastError: message.slice(0, 1000),
    });
    if (stop && error instanceof AppError) return;
    throw error;
  }
}

type StatusChange = Partial<Omit<typeof shopifyIndexStatus.$inferInsert, "storeId">>;

async function setStatus(storeId: string, change: StatusChange) {
  const values = { ...change, updatedAt: sql`now()` };
  await db
    .insert(shopifyIndexStatus)
    .values({ storeId, ...values })
    .onConflictDoUpdate({ target: shopifyIndexStatus.storeId, set: values });
}
