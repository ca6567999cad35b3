import { db } from "@/db/client";
import { stores, type Store } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { lockStore } from "./find-store";
import type { TStoreResponse, TUpdateStoreRequest } from "./schemas";
import { storeView } from "./store-view";

/**
 * The namespaces used before, oldest first: a change of namespace records the one left (a clear
 * deletes Synco's metafields in every namespace the store has used); going back to an old one
 * takes it off the list.
 */
function namespaceHistory(before: Store, next: string | undefined): string[] {
  if (next === undefined || next === before.metafieldNamespace) return before.previousNamespaces;
  return [
    ...before.previousNamespaces.filter((used) => used !== before.metafieldNamespace && used !== next),
    before.metafieldNamespace,
  ];
}

/** Renames a store or changes its metafield namespace; the audit row keeps both values. */
export async function updateStoreSettings({
  storeId,
  organizationId,
  actor,
  changes,
}: {
  storeId: string;
  organizationId: string;
  actor: Actor;
  changes: TUpdateStoreRequest;
}): Promise<TStoreResponse> {
  return db.transaction(async (tx) => {
    const where = storeScope({ storeId, organizationId });
    const before = await lockStore(tx, { storeId, organizationId });
    const [updated] = await tx
      .update(stores)
      .set({
        ...changes,
        previousNamespaces: namespaceHistory(before, changes.metafieldNamespace),
        updatedAt: new Date(),
      })
      .where(where)
      .returning();
    const changed = Object.fromEntries(
      Object.entries(changes).map(([key, value]) => [key, { from: before[key as keyof typeof changes], to: value }]),
    );
    await recordAudit(tx, actor, {
      organizationId,
      storeId,
      action: "store.settings_updated",
      target: before.shopDomain,
      details: { kind: before.kind, changes: changed },
    });
    return { store: await storeView(updated!) };
  });
}
