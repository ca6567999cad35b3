// Disconnects a store: the row and the audit log stay, the credentials go. Used by the admin's
// button (which first asks Shopify, best effort, to stop sending our webhooks) and by Shopify's
// app/uninstalled webhook (actor: Shopify; the token is dead by then). The store's Odoo connection
// goes too: its API key is a credential like the Shopify token, and a reconnected store is
// connected to Odoo again on purpose. Disconnecting twice is a no-op.
import { db as defaultDb } from "@/db/client";
import type { Db } from "@/db/handle";
import { stores } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { DisconnectReason } from "@/lib/vocabulary/stores";
import { lockStore } from "./find-store";
import { deleteOdooConnection } from "./odoo/odoo-connection";
import { storeCredentials } from "./store-credentials";
import { storeView } from "./store-view";
import { unsubscribeStoreWebhooks } from "./subscribe-store-webhooks";
import type { TDisconnectStoreResponse } from "./schemas";

type Options = {
  storeId: string;
  organizationId: string;
  actor: Actor;
  reason?: DisconnectReason;
  db?: Db;
};

/** `db` may be a transaction (the webhook's), so the disconnect commits with the delivery record. */
export async function disconnectStore({
  storeId,
  organizationId,
  actor,
  reason = "user",
  db = defaultDb,
}: Options): Promise<TDisconnectStoreResponse> {
  if (reason === "user") {
    const [current] = await defaultDb.select().from(stores).where(storeScope({ storeId, organizationId }));
    const credentials = current && current.status !== "disconnected" ? storeCredentials(current) : null;
    if (current && credentials)
      await unsubscribeStoreWebhooks({ store: current, accessToken: credentials.accessToken });
  }
  return db.transaction(async (tx) => {
    const where = storeScope({ storeId, organizationId });
    const store = await lockStore(tx, { storeId, organizationId });
    const odooRemoved = await deleteOdooConnection(tx, store, actor);
    if (store.status === "disconnected" && !store.credentialsCiphertext)
      return { store: await storeView(store), changed: odooRemoved };
    const now = new Date();
    const [updated] = await tx
      .update(stores)
      .set({
        status: "disconnected",
        credentialsCiphertext: null,
        credentialsKeyId: null,
        disconnectedAt: now,
        updatedAt: now,
        lastActivityAt: now,
      })
      .where(where)
      .returning();
    await recordAudit(tx, actor, {
      organizationId,
      storeId,
      action: "store.disconnected",
      target: store.shopDomain,
      details: { kind: store.kind, reason },
    });
    return { store: await storeView(updated!), changed: true };
  });
}
