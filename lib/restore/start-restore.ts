// Starts restoring a store's mapping from an export file (read by parseMappingExport, which refuses
// what is not a mapping export); a file of another shop (JSON names its shop) is a 422; its rows are
// staged with the run in one transaction, those that cannot be restored whatever Shopify and Odoo
// say (invalid, not synced when exported, the same item again) already decided; the run checks the
// rest. The same Idempotency-Key returns the same run; one exclusive run per store (409 naming the
// one under way); the request is audited once.
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import type { Store } from "@/db/schema/stores";
import { storeRunsScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { toRunView } from "@/lib/operations/run-view";
import { startRun } from "@/lib/operations/start-run";
import { findOdooConnection } from "@/lib/stores/odoo/odoo-connection";
import type { RestoreSkipReason } from "@/lib/vocabulary/restore";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";
import type { ParsedExport, ParsedRestoreRow } from "./parse-mapping-export";
import type { TRestoreScope, TStartRestoreResponse } from "./schemas";

const ROWS_PER_INSERT = 5000;

type Decided = { outcome: "skipped"; reason: RestoreSkipReason; detail: string } | null;

export async function startRestore({
  store,
  actor,
  parsed,
  fileName,
  idempotencyKey,
}: {
  store: Store;
  actor: Actor;
  /** The file as parseMappingExport read it. */
  parsed: ParsedExport;
  fileName: string | null;
  idempotencyKey: string;
}): Promise<TStartRestoreResponse> {
  const target = { storeId: store.id, organizationId: store.organizationId };
  const [same] = await db
    .select()
    .from(operationRuns)
    .where(
      and(storeRunsScope(target), eq(operationRuns.kind, "restore"), eq(operationRuns.idempotencyKey, idempotencyKey)),
    );
  if (same) return { run: toRunView(same), created: false };
  if (store.status !== "connected")
    throw new AppError("conflict", "This store is not connected: connect it again before restoring its mapping");
  if (!(await findOdooConnection(store)))
    throw new AppError("conflict", "This store has no Odoo connection: set one up in Settings first");

  if (parsed.shopDomain && parsed.shopDomain.toLowerCase() !== store.shopDomain.toLowerCase())
    throw new AppError(
      "unprocessable",
      `file: this export is of ${parsed.shopDomain}, not ${store.shopDomain} — restore it into that store`,
      { field: "file" },
    );
  if (parsed.rows.length === 0)
    throw new AppError("unprocessable", "file: the export holds no mappings", { field: "file" });
  const decided = decideUpFront(parsed.rows);
  const scope: TRestoreScope = { fileName, format: parsed.format, rows: parsed.rows.length };
  const counters = Object.fromEntries(
    RESOURCE_TYPES.map((type) => {
      const ofType = parsed.rows.filter((row) => row.resourceType === type);
      const failed = ofType.filter((row) => decided.get(row.rowNumber)).length;
      return [type, { planned: ofType.length, done: 0, failed }];
    }).filter(([, counter]) => (counter as { planned: number }).planned > 0),
  );

  return db.transaction(async (tx) => {
    const { run, created } = await startRun({
      kind: "restore",
      ...target,
      actor: { userId: actor.userId, email: actor.email },
      trigger: "user",
      scope,
      idempotencyKey,
      counters,
      tx,
    });
    if (!created) return { run, created };
    for (let start = 0; start < parsed.rows.length; start += ROWS_PER_INSERT) {
      const values = JSON.stringify(
        parsed.rows.slice(start, start + ROWS_PER_INSERT).map((row) => {
          const verdict = decided.get(row.rowNumber) ?? null;
          return {
            row_number: row.rowNumber,
            resource_type: row.resourceType,
            shopify_id: row.shopifyId,
            odoo_id: row.odooId,
            odoo_invoice_id: row.odooInvoiceId,
            status: row.status,
            synced_at: row.syncedAt,
            email: row.email,
            skus: row.skus,
            order_name: row.orderName,
            cells: row.cells,
            outcome: verdict?.outcome ?? null,
            reason: verdict?.reason ?? null,
            detail: verdict?.detail ?? null,
          };
        }),
      );
      await tx.execute(sql`
        insert into mapping_restore_rows (run_id, row_number, resource_type, shopify_id, odoo_id, odoo_invoice_id, status, synced_at, email, skus, order_name, cells, outcome, reason, detail)
        select ${run.id}, v.row_number, v.resource_type, v.shopify_id, v.odoo_id, v.odoo_invoice_id, v.status, v.synced_at, v.email,
          (select array_agg(s) from jsonb_array_elements_text(v.skus) as s), v.order_name, v.cells, v.outcome, v.reason, v.detail
        from jsonb_to_recordset(${values}::jsonb) as v(row_number int, resource_type text, shopify_id bigint, odoo_id bigint,
          odoo_invoice_id bigint, status text, synced_at timestamptz, email text, skus jsonb, order_name text, cells jsonb, outcome text, reason text, detail text)`);
    }
    await recordAudit(tx, actor, {
      ...target,
      action: "restore.requested",
      target: store.shopDomain,
      details: { runId: run.id, fileName, format: parsed.format, rows: parsed.rows.length },
    });
    return { run, created };
  });
}

/** Rows no answer from Shopify or Odoo could make restorable: decided before the run starts. */
function decideUpFront(rows: ParsedRestoreRow[]): Map<number, Decided> {
  const decided = new Map<number, Decided>();
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    if (row.invalid) {
      decided.set(row.rowNumber, { outcome: "skipped", reason: "invalid_row", detail: row.invalid });
      continue;
    }
    const key = `${row.resourceType}:${row.shopifyId}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      decided.set(row.rowNumber, {
        outcome: "skipped",
        reason: "duplicate_row",
        detail: `The same ${row.resourceType} as row ${earlier}`,
      });
      continue;
    }
    firstRow.set(key, row.rowNumber);
    if (row.status !== "synced")
      decided.set(row.rowNumber, {
        outcome: "skipped",
        reason: "not_synced",
        detail: `Exported as “${row.status ?? ""}”: only synced mappings are restored (a sync will try the item again)`,
      });
    else if (row.odooId === null)
      decided.set(row.rowNumber, {
        outcome: "skipped",
        reason: "invalid_row",
        detail: "A synced row without an Odoo ID",
      });
  }
  return decided;
}
