import type { Store } from "@/db/schema/stores";
import { disconnectStore } from "@/lib/stores/disconnect-store";
import type { WebhookTx } from "../webhook-types";
import { SHOPIFY_ACTOR } from "../shopify-actor";

/** The merchant removed the app: the token is dead, so the store is disconnected and its credentials wiped. */
export async function handleAppUninstalled(tx: WebhookTx, { store }: { store: Store | null }) {
  if (!store || store.status === "disconnected") return;
  await disconnectStore({
    storeId: store.id,
    organizationId: store.organizationId,
    actor: SHOPIFY_ACTOR,
    reason: "app_uninstalled",
    db: tx,
  });
}
