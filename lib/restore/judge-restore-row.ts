// One row of a restore, decided from what Shopify and Odoo hold now. The key the Odoo record must
// still match is the one the export carries (the item as it was when the mapping was good), else
// the one Synco's index has now; a row with no key at all (a customer without email, a product
// without SKU) is restored on the record's existence alone, which is all an export of it can prove.
import type { MappingRestoreRow } from "@/db/schema/restore";
import type { RestoreRowOutcome, RestoreSkipReason } from "@/lib/vocabulary/restore";
import type { OdooKeys } from "./find-odoo-records";
import type { ShopifyKeys } from "./find-shopify-items";

export type RowVerdict = {
  outcome: RestoreRowOutcome;
  reason: RestoreSkipReason | null;
  detail: string | null;
  /** Restored orders keep their invoice only while the order still lists it. */
  odooInvoiceId?: number | null;
};

export type ExistingMapping = { odooId: number | null; status: string };

const norm = (value: string | null | undefined) => value?.trim().toLowerCase() ?? "";

export function judgeRestoreRow({
  row,
  existing,
  shopify,
  odoo,
}: {
  row: MappingRestoreRow;
  existing: ExistingMapping | undefined;
  /** undefined: not in the store; null: in Shopify, keys unknown. */
  shopify: ShopifyKeys | null | undefined;
  /** undefined: no such record. */
  odoo: OdooKeys | undefined;
}): RowVerdict {
  const odooRecord = `Odoo record #${row.odooId}`;
  if (existing?.status === "synced") {
    if (existing.odooId === row.odooId)
      return { outcome: "unchanged", reason: null, detail: `Already mapped to ${odooRecord}` };
    return {
      outcome: "skipped",
      reason: "mapped_elsewhere",
      detail: `Already mapped to Odoo record #${existing.odooId ?? "?"} since the export; left as it is`,
    };
  }
  if (shopify === undefined)
    return { outcome: "skipped", reason: "shopify_missing", detail: "Shopify has no such item in this store" };
  if (!odoo) return { outcome: "skipped", reason: "odoo_missing", detail: `${odooRecord} was deleted in Odoo` };
  const mismatch = keyMismatch(row, shopify, odoo);
  if (mismatch) return { outcome: "skipped", reason: "key_mismatch", detail: `${odooRecord} ${mismatch}` };
  const invoiceKept = row.odooInvoiceId !== null && (odoo.invoiceIds ?? []).includes(row.odooInvoiceId);
  return {
    outcome: "restored",
    reason: null,
    detail:
      row.odooInvoiceId !== null && !invoiceKept
        ? `Odoo invoice #${row.odooInvoiceId} is no longer the order's; restored without it`
        : null,
    odooInvoiceId: invoiceKept ? row.odooInvoiceId : null,
  };
}

/** Why the record no longer matches the item, or null when it does (or there is no key to compare). */
function keyMismatch(row: MappingRestoreRow, shopify: ShopifyKeys | null, odoo: OdooKeys): string | null {
  if (row.resourceType === "customer") {
    const email = norm(row.email ?? shopify?.email);
    if (!email) return null;
    return norm(odoo.email) === email ? null : `has email “${odoo.email ?? ""}”, not “${email}”`;
  }
  if (row.resourceType === "product") {
    const skus = (row.skus?.length ? row.skus : (shopify?.skus ?? [])).map(norm).filter(Boolean);
    if (skus.length === 0) return null;
    const codes = (odoo.codes ?? []).map(norm);
    return skus.some((sku) => codes.includes(sku))
      ? null
      : `has internal reference ${codes.length ? codes.map((code) => `“${code}”`).join(", ") : "none"}, not SKU ${skus.map((sku) => `“${sku}”`).join(", ")}`;
  }
  const name = norm(row.orderName ?? shopify?.orderName);
  if (!name) return null;
  const references = (odoo.references ?? []).map(norm);
  return references.includes(name)
    ? null
    : `(${odoo.orderName}) has customer reference ${references.length ? references.map((ref) => `“${ref}”`).join(", ") : "none"}, not “${name}”`;
}
