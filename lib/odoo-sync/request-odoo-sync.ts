// Asks for a sync to Odoo: the items the request names go into the store's sync queue (an item
// already queued stays queued once), and the store's sync run takes them — the one queued or
// running, or a new one. A sync asked for during a clear is queued and waits for the clear to end.
// The same Idempotency-Key answers the same run without queueing anything again. Route handlers
// (a person) and webhooks (automatic sync of one item) call this the same way.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Db } from "@/db/handle";
import { odooSyncRequests } from "@/db/schema/odoo-sync";
import { operationRuns } from "@/db/schema/operations";
import { storeRunsScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { toRunView } from "@/lib/operations/run-view";
import { startRun } from "@/lib/operations/start-run";
import { parseShopifyId } from "@/lib/shopify/gid";
import { findStore } from "@/lib/stores/find-store";
import { findOdooConnection } from "@/lib/stores/odoo/odoo-connection";
import { ODOO_SYNC_ORDER, ODOO_SYNC_TYPE_RESOURCE } from "@/lib/vocabulary/odoo-sync";
import type { OperationTrigger } from "@/lib/vocabulary/operations";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { lockStoreRuns } from "@/lib/jobs/enqueue-run";
import { queueCounts } from "./sync-queue";
import type { TOdooSyncRequest, TOdooSyncResponse } from "./schemas";

export type RequestOdooSyncOptions = {
  storeId: string;
  organizationId: string;
  /** The person asking; null when the product asks itself (automatic sync from a webhook). */
  actor: Actor | null;
  request: TOdooSyncRequest;
  /** The same key answers the same run. Webhooks pass one per delivery; left out, every call is new. */
  idempotencyKey?: string | null;
  trigger?: OperationTrigger;
};

export async function requestOdooSync({
  storeId,
  organizationId,
  actor,
  request,
  idempotencyKey,
  trigger = actor ? "user" : "webhook",
}: RequestOdooSyncOptions): Promise<TOdooSyncResponse> {
  const store = await findStore({ storeId, organizationId });
  const key = idempotencyKey ?? `auto:${randomUUID()}`;
  const same = await requestWithKey(db, storeId, organizationId, key);
  if (same) return same;
  if (store.status !== "connected")
    throw new AppError("conflict", "This store is not connected: connect it again before syncing it to Odoo");
  if (!(await findOdooConnection(store)))
    throw new AppError(
      "conflict",
      "This store has no Odoo connection: add one in Settings → Odoo connection before syncing",
    );
  const selected = request.scope === "selected" ? selectedIds(request) : null;
  const type = request.scope === "store" ? null : ODOO_SYNC_TYPE_RESOURCE[request.type];

  return db.transaction(async (tx) => {
    // Serialises with other requests, the clear's start and the run's own end (sync-queue.ts).
    await lockStoreRuns(tx, storeId);
    const again = await requestWithKey(tx, storeId, organizationId, key);
    if (again) return again;
    const queued = await enqueueItems(tx, storeId, request, type, selected);
    const target = { storeId, organizationId };
    const [active] = await tx
      .select()
      .from(operationRuns)
      .where(
        and(
          storeRunsScope(target),
          eq(operationRuns.kind, "sync"),
          inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        ),
      )
      .for("update");
    const counts = await queueCounts(tx, storeId);
    let run;
    let created = false;
    if (active) {
      // The run under way takes these items too: its planned counts grow with the queue.
      const counters = active.counters;
      const planned = Object.fromEntries(
        ODOO_SYNC_ORDER.filter((t) => counts[t] > 0 || counters[t]).map((t) => [
          t,
          { planned: (counters[t]?.done ?? 0) + (counters[t]?.failed ?? 0) + counts[t] },
        ]),
      );
      const [updated] = await tx
        .update(operationRuns)
        .set({
          counters: sql`synco_add_counters(${operationRuns.counters}, ${JSON.stringify(planned)}::jsonb)`,
          updatedAt: sql`now()`,
        })
        .where(eq(operationRuns.id, active.id))
        .returning();
      run = toRunView(updated!);
    } else {
      const started = await startRun({
        kind: "sync",
        ...target,
        actor: actor ? { userId: actor.userId, email: actor.email } : null,
        trigger,
        scope: { request: requestScope(request, type) },
        idempotencyKey: key,
        counters: Object.fromEntries(
          ODOO_SYNC_ORDER.filter((t) => counts[t] > 0).map((t) => [t, { planned: counts[t], done: 0, failed: 0 }]),
        ),
        tx,
      });
      run = started.run;
      created = started.created;
    }
    await tx.insert(odooSyncRequests).values({
      storeId,
      idempotencyKey: key,
      runId: run.id,
      request: { ...requestScope(request, type), queued, trigger },
    });
    if (actor)
      await recordAudit(tx, actor, {
        ...target,
        action: "sync.odoo_sync_requested",
        target: store.shopDomain,
        details: { runId: run.id, scope: request.scope, type, queued, created },
      });
    return { run, created, queued };
  });
}

function requestScope(request: TOdooSyncRequest, type: ResourceType | null) {
  return {
    scope: request.scope,
    type,
    ...(request.scope === "selected" ? { items: request.shopifyIds.length } : {}),
  };
}

function selectedIds(request: Extract<TOdooSyncRequest, { scope: "selected" }>): number[] {
  const type = ODOO_SYNC_TYPE_RESOURCE[request.type];
  return request.shopifyIds.map((value, index) => {
    const id = parseShopifyId(type, value);
    if (id === null)
      throw new AppError("unprocessable", `shopifyIds.${index}: not a Shopify ${type} id`, {
        field: `shopifyIds.${index}`,
      });
    return id;
  });
}

async function requestWithKey(
  handle: Db,
  storeId: string,
  organizationId: string,
  key: string,
): Promise<TOdooSyncResponse | null> {
  const [row] = await handle
    .select({ request: odooSyncRequests.request, run: operationRuns })
    .from(odooSyncRequests)
    .innerJoin(operationRuns, eq(operationRuns.id, odooSyncRequests.runId))
    .where(
      and(
        eq(odooSyncRequests.storeId, storeId),
        eq(odooSyncRequests.idempotencyKey, key),
        eq(operationRuns.organizationId, organizationId),
      ),
    );
  if (!row) return null;
  return { run: toRunView(row.run), created: false, queued: Number(row.request.queued ?? 0) };
}

/** Puts the request's items in the queue; returns how many were not queued already. */
async function enqueueItems(
  tx: Db,
  storeId: string,
  request: TOdooSyncRequest,
  type: ResourceType | null,
  selected: number[] | null,
): Promise<number> {
  // An item already queued stays one entry, but its time is the latest request's: a sync cancelled
  // before this request drops only what was asked no later than its cancel (decision 103).
  // `xmax = 0` tells a new entry from one asked for again.
  const again = sql`on conflict (store_id, resource_type, shopify_id) do update set requested_at = excluded.requested_at
      returning (xmax = 0) as inserted`;
  let statement;
  if (selected) {
    statement = sql`
      insert into odoo_sync_queue (store_id, resource_type, shopify_id, requested_at)
      select ${storeId}, ${type}, unnest(${`{${selected.join(",")}}`}::bigint[]), clock_timestamp()
      ${again}`;
  } else {
    const types = type ? [type] : [...ODOO_SYNC_ORDER];
    const typeList = sql`(${sql.join(
      types.map((t) => sql`${t}`),
      sql`, `,
    )})`;
    const notSynced = request.scope === "not_synced" || request.scope === "store";
    const failed = request.scope === "failed" || request.scope === "store";
    const parts = [];
    // Not synced: the indexed items without a mapping. Failed: every failed mapping, even of an
    // item the index no longer lists (the run then says why it cannot be synced).
    if (notSynced)
      parts.push(sql`select resource_type, shopify_id from shopify_index_items
        where store_id = ${storeId} and resource_type in ${typeList} and sync_status is null`);
    if (failed)
      parts.push(sql`select resource_type, shopify_id from sync_mappings
        where store_id = ${storeId} and resource_type in ${typeList} and status = 'failed'`);
    statement = sql`
      insert into odoo_sync_queue (store_id, resource_type, shopify_id, requested_at)
      select ${storeId}, resource_type, shopify_id, clock_timestamp() from (${sql.join(parts, sql` union `)}) as wanted
      ${again}`;
  }
  const { rows } = await tx.execute<{ inserted: boolean }>(statement);
  return rows.filter((row) => row.inserted).length;
}
