import type { Store } from "@/db/schema/stores";
import type { TStoreView } from "./schemas";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The browser's view of a store: an explicit allow-list, so credential columns can never leak. */
export function toStoreView(store: Store): TStoreView {
  return {
    id: store.id,
    organizationId: store.organizationId,
    kind: store.kind,
    connectionMethod: store.connectionMethod,
    shopDomain: store.shopDomain,
    name: store.name,
    apiVersion: store.apiVersion,
    metafieldNamespace: store.metafieldNamespace,
    status: store.status,
    sandboxSize: store.sandboxSize,
    seedStatus: store.seedStatus,
    syncPaused: store.syncPaused,
    connectedAt: iso(store.connectedAt),
    disconnectedAt: iso(store.disconnectedAt),
    lastActivityAt: iso(store.lastActivityAt),
    createdAt: store.createdAt.toISOString(),
  };
}
