// A store's Clear Synco Data settings: its namespaces (the current one is a store setting, the
// earlier ones recorded as it changes), the legacy keys of earlier Synco installs, and the
// strategy (chosen by size, or forced). Changes are audited with both values.
import { db } from "@/db/client";
import { stores, type Store } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { lockStore } from "@/lib/stores/find-store";
import type { TClearSettings, TClearSettingsResponse, TUpdateClearSettingsRequest } from "./schemas";

export function clearSettingsOf(store: Store): TClearSettings {
  return {
    namespace: store.metafieldNamespace,
    previousNamespaces: store.previousNamespaces,
    legacyKeys: store.clearLegacyKeys,
    strategy: store.clearStrategy,
  };
}

export async function updateClearSettings({
  storeId,
  organizationId,
  actor,
  changes,
}: {
  storeId: string;
  organizationId: string;
  actor: Actor;
  changes: TUpdateClearSettingsRequest;
}): Promise<TClearSettingsResponse> {
  return db.transaction(async (tx) => {
    const where = storeScope({ storeId, organizationId });
    const before = await lockStore(tx, { storeId, organizationId });
    const [updated] = await tx
      .update(stores)
      .set({
        ...(changes.legacyKeys ? { clearLegacyKeys: changes.legacyKeys } : {}),
        ...(changes.strategy ? { clearStrategy: changes.strategy } : {}),
        updatedAt: new Date(),
      })
      .where(where)
      .returning();
    await recordAudit(tx, actor, {
      organizationId,
      storeId,
      action: "clear.settings_updated",
      target: before.shopDomain,
      details: {
        changes: {
          ...(changes.legacyKeys ? { legacyKeys: { from: before.clearLegacyKeys, to: changes.legacyKeys } } : {}),
          ...(changes.strategy ? { strategy: { from: before.clearStrategy, to: changes.strategy } } : {}),
        },
      },
    });
    return { settings: clearSettingsOf(updated!) };
  });
}
