// The one write that every way of connecting ends in: a live row for the shop in this
// organization, with fresh encrypted credentials, audited in the same transaction. A shop already
// live in another organization is a 409 that does not say which one.
import { randomUUID } from "node:crypto";
import { and, desc, eq, ne } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { stores, type Store } from "@/db/schema/stores";
import { storeScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";
import { startStoreSync } from "@/lib/stores/start-store-sync";
import type { ConnectionMethod, SandboxSize, StoreKind, StoreStatus } from "@/lib/vocabulary/stores";
import { encryptCredentials, type StoreCredentialsInput } from "./store-credentials";

export type SaveConnectedStoreOptions = {
  organizationId: string;
  actor: Actor;
  kind: StoreKind;
  method: ConnectionMethod;
  shopDomain: string;
  name: string;
  credentials: StoreCredentialsInput;
  status?: Exclude<StoreStatus, "disconnected">;
  /** `seeding`: a seed run was queued (in `afterSave`); the store's index waits for it. */
  sandbox?: { size: SandboxSize; seeding: boolean };
  /** Runs inside the transaction after the row is written (e.g. to enqueue a job with it). */
  afterSave?: (tx: Db, store: Store) => Promise<void>;
};

export const shopTakenError = () =>
  new AppError(
    "conflict",
    "This Shopify store is already connected to another organization on Synco. Disconnect it there first.",
  );

export async function saveConnectedStore(
  options: SaveConnectedStoreOptions,
): Promise<{ store: Store; reconnected: boolean }> {
  try {
    return await db.transaction((tx) => save(tx, options));
  } catch (error) {
    // Two organizations connecting the same shop at once: the partial unique index decides.
    if (isUniqueViolation(error)) throw shopTakenError();
    throw error;
  }
}

async function save(tx: Db, o: SaveConnectedStoreOptions): Promise<{ store: Store; reconnected: boolean }> {
  const [live] = await tx
    .select()
    .from(stores)
    .where(and(eq(stores.shopDomain, o.shopDomain), ne(stores.status, "disconnected")))
    .for("update");
  if (live && live.organizationId !== o.organizationId) throw shopTakenError();
  const [previous] = live
    ? [live]
    : await tx
        .select()
        .from(stores)
        .where(and(eq(stores.organizationId, o.organizationId), eq(stores.shopDomain, o.shopDomain)))
        .orderBy(desc(stores.createdAt))
        .limit(1)
        .for("update");
  const id = previous?.id ?? randomUUID();
  const now = new Date();
  const values = {
    ...encryptCredentials(id, o.credentials),
    status: o.status ?? ("connected" as const),
    // Reconnecting (or re-authorising) may change how the store is connected.
    connectionMethod: o.method,
    updatedAt: now,
    connectedAt: live?.connectedAt ?? now,
    disconnectedAt: null,
    lastActivityAt: now,
    ...(o.sandbox ? { sandboxSize: o.sandbox.size } : {}),
  };
  const [store] = previous
    ? await tx
        .update(stores)
        .set(values)
        .where(storeScope({ storeId: id, organizationId: o.organizationId }))
        .returning()
    : await tx
        .insert(stores)
        .values({
          id,
          organizationId: o.organizationId,
          shopDomain: o.shopDomain,
          kind: o.kind,
          name: o.name,
          apiVersion: ADMIN_API_VERSION,
          createdBy: o.actor.userId,
          ...values,
        })
        .returning();
  await recordAudit(tx, o.actor, {
    organizationId: o.organizationId,
    storeId: id,
    action: "store.connected",
    target: o.shopDomain,
    details: {
      kind: o.kind,
      method: o.method,
      status: values.status,
      reconnected: Boolean(previous),
      ...(o.sandbox ? { size: o.sandbox.size } : {}),
    },
  });
  await o.afterSave?.(tx, store!);
  // The index of the store's items, and the mirror of mappings written while it was away.
  await startStoreSync(tx, store!, { seeding: o.sandbox?.seeding ?? false });
  return { store: store!, reconnected: Boolean(previous) };
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let current = error as { code?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.code === "23505") return true;
  }
  return false;
}
