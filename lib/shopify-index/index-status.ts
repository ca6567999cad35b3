// The index's refresh state as the API shows it: never refreshed, queued, running, succeeded or
// failed, when it last succeeded (the index holds Shopify as of then, plus webhooks since).
import { eq } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { shopifyIndexStatus, type ShopifyIndexStatus } from "@/db/schema/shopify-index";
import type { TIndexStatusView } from "./schemas";

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

export function toIndexStatusView(row: ShopifyIndexStatus | undefined): TIndexStatusView {
  const state = row?.state ?? "never";
  return {
    state,
    refreshing: state === "queued" || state === "running",
    refreshedAt: iso(row?.refreshedAt),
    requestedAt: iso(row?.requestedAt),
    startedAt: iso(row?.startedAt),
    finishedAt: iso(row?.finishedAt),
    lastError: row?.lastError ?? null,
    imported: row?.imported ?? null,
  };
}

/** The caller has checked the store's organization. */
export async function getIndexStatus({
  storeId,
  db = defaultDb,
}: {
  storeId: string;
  db?: Db;
}): Promise<TIndexStatusView> {
  const [row] = await db.select().from(shopifyIndexStatus).where(eq(shopifyIndexStatus.storeId, storeId));
  return toIndexStatusView(row);
}
