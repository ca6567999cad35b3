// A store's Odoo connection: read it (without the key), save it, remove it, test it. Saving and
// removing are audited with what changed (never the key itself); removing twice removes once.
// Each store has its own connection, so an agency's stores may each point at a different Odoo.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { storeOdooConnections, type StoreOdooConnection } from "@/db/schema/odoo-connections";
import type { Store } from "@/db/schema/stores";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { checkOdooConnection } from "@/lib/odoo/check-odoo-connection";
import { literalAddressRefusal } from "@/lib/odoo/odoo-address-guard";
import type { AuditDetails } from "@/lib/vocabulary/audit";
import { odooConnectionUrl, openOdooApiKey, sealOdooApiKey } from "./odoo-connection-secret";
import type {
  TOdooConnectionResponse,
  TOdooConnectionView,
  TRemoveOdooConnectionResponse,
  TSaveOdooConnectionRequest,
  TTestOdooConnectionRequest,
  TTestOdooConnectionResponse,
} from "./schemas";

type StoreRef = Pick<Store, "id" | "organizationId" | "shopDomain">;

const scope = (store: StoreRef) =>
  and(eq(storeOdooConnections.storeId, store.id), eq(storeOdooConnections.organizationId, store.organizationId));

export function odooConnectionView(row: StoreOdooConnection): TOdooConnectionView {
  return {
    sandbox: row.sandbox,
    url: odooConnectionUrl(row),
    database: row.database,
    login: row.login,
    protocol: row.protocol,
    apiKeySet: Boolean(row.apiKeyCiphertext),
    lastTest: row.lastTest ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findOdooConnection(store: StoreRef, tx: Db = db): Promise<StoreOdooConnection | null> {
  const [row] = await tx.select().from(storeOdooConnections).where(scope(store));
  return row ?? null;
}

export async function getOdooConnection(store: StoreRef): Promise<TOdooConnectionResponse> {
  const row = await findOdooConnection(store);
  return { connection: row ? odooConnectionView(row) : null };
}

/** A sandbox store's connection to its own sandbox Odoo, written with the store (not audited on its own). */
export async function insertSandboxOdooConnection(
  tx: Db,
  store: Pick<Store, "id" | "organizationId">,
  sandbox: { path: string; database: string; login: string; apiKey: string },
): Promise<void> {
  await tx.insert(storeOdooConnections).values({
    storeId: store.id,
    organizationId: store.organizationId,
    sandbox: true,
    url: sandbox.path,
    database: sandbox.database,
    login: sandbox.login,
    protocol: "auto",
    ...sealOdooApiKey(store.id, sandbox.apiKey),
  });
}

export async function saveOdooConnection({
  store,
  actor,
  input,
}: {
  store: StoreRef;
  actor: Actor;
  input: TSaveOdooConnectionRequest;
}): Promise<TOdooConnectionResponse> {
  // What the URL itself says is not public is refused here; a name that resolves to such an
  // address is refused when Synco connects (decision 105).
  if (literalAddressRefusal(input.url))
    throw new AppError(
      "unprocessable",
      "url must be a public address: Synco does not connect to this machine, private networks or link-local addresses (an operator can allow private networks with SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS=true)",
      { field: "url" },
    );
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(storeOdooConnections).where(scope(store)).for("update");
    if (!before && !input.apiKey)
      throw new AppError("unprocessable", "apiKey is required: the store has no Odoo API key yet", { field: "apiKey" });
    const beforeUrl = before ? odooConnectionUrl(before) : null;
    const changes: AuditDetails["store.odoo_connection_updated"]["changes"] = {};
    if (beforeUrl !== input.url) changes.url = { from: beforeUrl, to: input.url };
    if (before?.database !== input.database) changes.database = { from: before?.database ?? null, to: input.database };
    if (before?.login !== input.login) changes.login = { from: before?.login ?? null, to: input.login };
    if (before?.protocol !== input.protocol) changes.protocol = { from: before?.protocol ?? null, to: input.protocol };
    const apiKeyReplaced = Boolean(input.apiKey) && (!before || openOdooApiKey(before) !== input.apiKey);
    const values = {
      // Edited by hand, a sandbox store's connection is an ordinary one: its URL is what was entered.
      sandbox: before?.sandbox === true && beforeUrl === input.url ? true : false,
      url: before?.sandbox && beforeUrl === input.url ? before.url : input.url,
      database: input.database,
      login: input.login,
      protocol: input.protocol,
      ...(input.apiKey ? sealOdooApiKey(store.id, input.apiKey) : {}),
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    const changed = Object.keys(changes).length > 0 || apiKeyReplaced;
    let row: StoreOdooConnection | undefined = before;
    if (!before) {
      [row] = await tx
        .insert(storeOdooConnections)
        .values({
          storeId: store.id,
          organizationId: store.organizationId,
          ...values,
          apiKeyCiphertext: values.apiKeyCiphertext!,
          apiKeyKeyId: values.apiKeyKeyId!,
        })
        .returning();
    } else if (changed) {
      // The last test was of the connection as it was.
      [row] = await tx
        .update(storeOdooConnections)
        .set({ ...values, lastTest: null })
        .where(scope(store))
        .returning();
    }
    if (changed)
      await recordAudit(tx, actor, {
        organizationId: store.organizationId,
        storeId: store.id,
        action: "store.odoo_connection_updated",
        target: store.shopDomain,
        details: { created: !before, changes, apiKeyReplaced },
      });
    return { connection: odooConnectionView(row!) };
  });
}

export async function removeOdooConnection({
  store,
  actor,
}: {
  store: StoreRef;
  actor: Actor;
}): Promise<TRemoveOdooConnectionResponse> {
  const removed = await db.transaction((tx) => deleteOdooConnection(tx, store, actor));
  return { connection: null, removed };
}

/**
 * Deletes the store's Odoo connection, key included, and audits it; false when there was none.
 * `tx` may be a caller's transaction: disconnecting a store removes its Odoo connection with it.
 */
export async function deleteOdooConnection(tx: Db, store: StoreRef, actor: Actor): Promise<boolean> {
  const [removed] = await tx.delete(storeOdooConnections).where(scope(store)).returning();
  if (removed)
    await recordAudit(tx, actor, {
      organizationId: store.organizationId,
      storeId: store.id,
      action: "store.odoo_connection_removed",
      target: store.shopDomain,
      details: { url: odooConnectionUrl(removed), database: removed.database, login: removed.login },
    });
  return Boolean(removed);
}

/**
 * Tests the saved connection, or the values entered (each one left out comes from the saved
 * connection). Testing the saved connection as it is records the outcome on it.
 */
export async function testOdooConnection({
  store,
  input,
}: {
  store: StoreRef;
  input: TTestOdooConnectionRequest;
}): Promise<TTestOdooConnectionResponse> {
  const saved = await findOdooConnection(store);
  const savedUrl = saved ? odooConnectionUrl(saved) : undefined;
  const target = {
    url: input.url ?? savedUrl,
    database: input.database ?? saved?.database,
    login: input.login ?? saved?.login,
    apiKey: input.apiKey ?? (saved ? openOdooApiKey(saved) : undefined),
    protocol: input.protocol ?? saved?.protocol ?? "auto",
  };
  for (const field of ["url", "database", "login", "apiKey"] as const)
    if (!target[field])
      throw new AppError(
        "unprocessable",
        `${field} is required: the store has no Odoo connection saved to take it from`,
        {
          field,
        },
      );
  const result = await checkOdooConnection({
    url: target.url!,
    database: target.database!,
    login: target.login!,
    apiKey: target.apiKey!,
    protocol: target.protocol,
  });
  const asSaved =
    saved &&
    target.url === savedUrl &&
    target.database === saved.database &&
    target.login === saved.login &&
    target.protocol === saved.protocol &&
    (input.apiKey === undefined || input.apiKey === openOdooApiKey(saved));
  if (asSaved)
    await db
      .update(storeOdooConnections)
      .set({
        lastTest: {
          at: new Date().toISOString(),
          ok: result.ok,
          problem: result.problem,
          serverVersion: result.version?.serverVersion ?? null,
        },
      })
      .where(scope(store));
  return { result };
}
