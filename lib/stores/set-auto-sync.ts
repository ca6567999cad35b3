// Turns a store's automatic sync to Odoo on or off (product, customer and order webhooks then queue
// a sync of their item). The change is audited; setting the value it already has changes nothing.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stores } from "@/db/schema/stores";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { lockStore } from "./find-store";
import type { TStoreResponse } from "./schemas";
import { storeView } from "./store-view";

export async function setAutoSync({
  storeId,
  organizationId,
  actor,
  enabled,
}: {
  storeId: string;
  organizationId: string;
  actor: Actor;
  enabled: boolean;
}): Promise<TStoreResponse> {
  return db.transaction(async (tx) => {
    const before = await lockStore(tx, { storeId, organizationId });
    if (before.autoSync === enabled) return { store: await storeView(before) };
    const [updated] = await tx
      .update(stores)
      .set({ autoSync: enabled, updatedAt: new Date() })
      .where(eq(stores.id, before.id))
      .returning();
    await recordAudit(tx, actor, {
      organizationId,
      storeId,
      action: "sync.auto_sync_updated",
      target: before.shopDomain,
      details: { from: before.autoSync, to: enabled },
    });
    return { store: await storeView(updated!) };
  });
}
