import type { Db } from "@/db/handle";
import type { Store } from "@/db/schema/stores";
import { SHOPIFY_ACTOR } from "@/lib/audit/shopify-actor";
import { disconnectStore } from "@/lib/stores/disconnect-store";

/** The merchant removed the app: the token is dead, so the store is disconnected and its credentials wiped. */
export async function handleAppUninstalled(tx: Db, { store }: { store: Store | null }) {
  if (!store || store.status === "disconnected") return;
  await disconnectStore({
    storeId: store.id,
    organizationId: store.organizationId,
    actor: SHOPIFY_ACTOR,
    reason: "app_uninstalled",
    db: tx,
  });
}
