// Replaces the access token of a store connected with a custom app's token: after the merchant
// rotated it, or gave the app the scopes it was missing and installed it again. The new token is
// checked live like a token connect (its shop must be this store's: 409 otherwise); nothing is
// saved on any refusal. The store is connected again, its webhooks subscribed with the new token.
import "server-only";
import { db } from "@/db/client";
import { stores, type Store } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { startStoreSync } from "@/lib/stores/start-store-sync";
import { checkStoreToken } from "./check-store-token";
import { lockStore } from "./find-store";
import type { TConnectedStoreResponse, TReplaceStoreTokenRequest } from "./schemas";
import { encryptCredentials, storeCredentials } from "./store-credentials";
import { storeView } from "./store-view";
import { subscribeStoreWebhooks } from "./subscribe-store-webhooks";

type Options = TReplaceStoreTokenRequest & { storeId: string; organizationId: string; actor: Actor };

export async function replaceStoreToken({
  storeId,
  organizationId,
  actor,
  accessToken,
  apiSecret,
}: Options): Promise<TConnectedStoreResponse> {
  const where = storeScope({ storeId, organizationId });
  const [current] = await db.select().from(stores).where(where);
  if (!current) throw new AppError("not_found", "Store not found");
  assertReplaceable(current);
  const checked = await checkStoreToken({
    shop: current.shopDomain,
    accessToken,
    otherShopError: () =>
      new AppError("conflict", `This access token belongs to another shop, not ${current.shopDomain}`, {
        field: "accessToken",
      }),
  });

  const store = await db.transaction(async (tx) => {
    // Read again under the row's lock: a disconnect may have happened during the live check.
    const locked = await lockStore(tx, { storeId, organizationId });
    assertReplaceable(locked);
    const previous = storeCredentials(locked);
    const now = new Date();
    const [updated] = await tx
      .update(stores)
      .set({
        ...encryptCredentials(locked.id, {
          accessToken,
          scopes: checked.scopes,
          apiSecret: apiSecret ?? previous?.apiSecret ?? null,
        }),
        status: "connected",
        updatedAt: now,
        lastActivityAt: now,
      })
      .where(where)
      .returning();
    await recordAudit(tx, actor, {
      organizationId,
      storeId,
      action: "store.token_replaced",
      target: locked.shopDomain,
      details: { kind: locked.kind, previousStatus: locked.status, apiSecretReplaced: apiSecret !== undefined },
    });
    // Back from needs_reauth: catch up as re-authorising does (index refresh, pending mirror writes).
    if (locked.status !== "connected") await startStoreSync(tx, updated!);
    return updated!;
  });
  const webhooks = await subscribeStoreWebhooks({ store, accessToken });
  return { store: await storeView(store), webhooks };
}

function assertReplaceable(store: Store) {
  if (store.status === "disconnected")
    throw new AppError("conflict", "This store is disconnected: reconnect it instead");
  if (store.connectionMethod !== "token") {
    throw new AppError(
      "conflict",
      store.kind === "sandbox"
        ? "Sandbox stores have no access token to replace"
        : "This store is connected through Shopify: re-authorise it instead",
    );
  }
}
