// The `restore` run: the file's staged rows in file order, a batch at a time — each row checked
// against the store's mapping, Shopify and Odoo, the valid ones written as mappings (mirrored to
// Shopify by the mirror, like any mapping write), every row's outcome kept on it — with the batch's
// writes, outcomes, counters and checkpoint in one transaction, so a retried or resumed run
// continues after the last batch that committed and counts nothing twice.
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { mappingRestoreRows, type MappingRestoreRow } from "@/db/schema/restore";
import { limitStatements, STATEMENT_LIMITS } from "@/db/statement-timeout";
import { upsertMappings, type MappingInput } from "@/lib/mappings/upsert-mappings";
import { OdooAccessDeniedError, OdooBadCredentialsError, OdooNotFoundError } from "@/lib/odoo/errors";
import type { CounterDelta } from "@/lib/operations/change-run";
import type { RunContext } from "@/lib/operations/run-context";
import { RunFailedError } from "@/lib/operations/run-errors";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { findStore } from "@/lib/stores/find-store";
import { storeOdooClient } from "@/lib/stores/odoo/store-odoo-client";
import { storeShopifyClient } from "@/lib/stores/store-shopify-client";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { findOdooRecords, type OdooKeys } from "./find-odoo-records";
import { findShopifyItems, type ShopifyKeys } from "./find-shopify-items";
import { judgeRestoreRow, type ExistingMapping, type RowVerdict } from "./judge-restore-row";
import { restoreSummary } from "./restore-summary";

export const RESTORE_BATCH_ROWS = Number(process.env.SYNCO_RESTORE_BATCH_ROWS ?? 1000);

type Checkpoint = { after: number };

export async function runRestore(context: RunContext) {
  const { run } = context;
  const target = { storeId: run.storeId, organizationId: run.organizationId };
  const store = await findStore(target);
  const odoo = await storeOdooClient(store);
  if (!odoo)
    throw new RunFailedError("The store has no Odoo connection: set one up in Settings, then resume the restore.");
  let shopify: Promise<ShopifyClient> | null = null;
  const openShopify = () => (shopify ??= storeShopifyClient(target).then(({ client }) => client));
  let after = (run.checkpoint as Checkpoint | null)?.after ?? 0;
  await context.phase("checking");

  for (;;) {
    context.throwIfCancelled();
    const rows = await db
      .select()
      .from(mappingRestoreRows)
      .where(
        and(
          eq(mappingRestoreRows.runId, run.id),
          gt(mappingRestoreRows.rowNumber, after),
          isNull(mappingRestoreRows.outcome),
        ),
      )
      .orderBy(asc(mappingRestoreRows.rowNumber))
      .limit(RESTORE_BATCH_ROWS);
    if (rows.length === 0) break;
    const verdicts = await judgeBatch({ storeId: store.id, rows, odoo, openShopify, signal: context.signal });
    after = rows.at(-1)!.rowNumber;
    await db.transaction(async (tx) => {
      await limitStatements(tx, STATEMENT_LIMITS.batch);
      const restored: MappingInput[] = rows.flatMap((row, index) => {
        const verdict = verdicts[index]!;
        if (verdict.outcome !== "restored") return [];
        return [
          {
            resourceType: row.resourceType!,
            shopifyId: row.shopifyId!,
            odooId: row.odooId,
            odooInvoiceId: verdict.odooInvoiceId ?? null,
            status: "synced" as const,
            syncedAt: row.syncedAt ?? new Date(),
          },
        ];
      });
      await upsertMappings({ ...target, mappings: restored, db: tx });
      await tx.execute(sql`
        update mapping_restore_rows as r set outcome = v.outcome, reason = v.reason, detail = v.detail
        from jsonb_to_recordset(${JSON.stringify(
          rows.map((row, index) => ({
            row_number: row.rowNumber,
            outcome: verdicts[index]!.outcome,
            reason: verdicts[index]!.reason,
            detail: verdicts[index]!.detail,
          })),
        )}::jsonb) as v(row_number int, outcome text, reason text, detail text)
        where r.run_id = ${run.id} and r.row_number = v.row_number`);
      await context.progress(countersOf(rows, verdicts), { checkpoint: { after } satisfies Checkpoint, tx });
    });
  }
  await context.phase("finishing");
  return restoreSummary(run.id);
}

async function judgeBatch({
  storeId,
  rows,
  odoo,
  openShopify,
  signal,
}: {
  storeId: string;
  rows: MappingRestoreRow[];
  odoo: NonNullable<Awaited<ReturnType<typeof storeOdooClient>>>;
  openShopify: () => Promise<ShopifyClient>;
  signal: AbortSignal;
}): Promise<RowVerdict[]> {
  const existing = new Map<string, ExistingMapping>();
  const shopify = new Map<string, ShopifyKeys | null>();
  const odooRecords = new Map<string, OdooKeys>();
  const key = (type: ResourceType, id: number) => `${type}:${id}`;
  for (const type of RESOURCE_TYPES) {
    const ofType = rows.filter((row) => row.resourceType === type);
    if (ofType.length === 0) continue;
    const mapped = await db
      .select({ shopifyId: syncMappings.shopifyId, odooId: syncMappings.odooId, status: syncMappings.status })
      .from(syncMappings)
      .where(
        and(
          eq(syncMappings.storeId, storeId),
          eq(syncMappings.resourceType, type),
          inArray(
            syncMappings.shopifyId,
            ofType.map((row) => row.shopifyId!),
          ),
        ),
      );
    for (const row of mapped) existing.set(key(type, row.shopifyId), row);
    // Only rows not already decided by their mapping are looked up in Shopify and Odoo.
    const open = ofType.filter((row) => existing.get(key(type, row.shopifyId!))?.status !== "synced");
    const items = await findShopifyItems({
      storeId,
      type,
      ids: open.map((row) => row.shopifyId!),
      shopify: openShopify,
    });
    for (const [id, keys] of items) shopify.set(key(type, id), keys);
    const odooIds = [...new Set(open.filter((row) => items.has(row.shopifyId!)).map((row) => row.odooId!))];
    const records = await odooCall(() => findOdooRecords(odoo, type, odooIds, signal));
    for (const [id, keys] of records) odooRecords.set(key(type, id), keys);
  }
  return rows.map((row) => {
    const type = row.resourceType!;
    return judgeRestoreRow({
      row,
      existing: existing.get(key(type, row.shopifyId!)),
      shopify: shopify.has(key(type, row.shopifyId!)) ? shopify.get(key(type, row.shopifyId!)) : undefined,
      odoo: odooRecords.get(key(type, row.odooId!)),
    });
  });
}

/** Odoo refusing Synco's connection ends the run with words to act on; anything else is retried. */
async function odooCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OdooBadCredentialsError)
      throw new RunFailedError(
        "Odoo refused the store's API key: fix the Odoo connection in Settings, then resume the restore.",
        { cause: error },
      );
    if (error instanceof OdooAccessDeniedError)
      throw new RunFailedError(
        `Odoo refused to let Synco read its records (${error.message}): give the Odoo user read access, then resume.`,
        { cause: error },
      );
    if (error instanceof OdooNotFoundError)
      throw new RunFailedError(
        `The store's Odoo did not answer as Odoo does (${error.message}): check the connection, then resume.`,
        { cause: error },
      );
    throw error;
  }
}

function countersOf(rows: MappingRestoreRow[], verdicts: RowVerdict[]): CounterDelta {
  const delta: Record<string, { done: number; failed: number }> = {};
  rows.forEach((row, index) => {
    const counter = (delta[row.resourceType!] ??= { done: 0, failed: 0 });
    if (verdicts[index]!.outcome === "skipped") counter.failed++;
    else counter.done++;
  });
  return delta;
}
