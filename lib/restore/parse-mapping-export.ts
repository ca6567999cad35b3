// Reads a mapping export as the product writes it (lib/mappings/export-mappings.ts): CSV with its
// header line, or JSON with its `mappings` array (a bare array is taken too). A file that is not
// such an export is refused as a whole (422 naming what is wrong); a row that is not a valid
// mapping is kept, marked invalid with the reason, so the result lists it with its row number.
// A row whose reading lost a cell (invalid, or a date that is not one) also keeps its cells as
// uploaded, so the rows not restored download with the merchant's own text (decision 113).
import { AppError } from "@/lib/errors/app-error";
import { CSV_COLUMNS } from "@/lib/mappings/export-mappings";
import { parseShopifyId } from "@/lib/shopify/gid";
import { RESTORE_MAX_ROWS, type RestoreRowCells } from "@/lib/vocabulary/restore";
import { findBadText } from "@/lib/vocabulary/text";
import { RESOURCE_TYPES, type ExportFormat, type ResourceType } from "@/lib/vocabulary/sync";

export type ParsedRestoreRow = {
  rowNumber: number;
  resourceType: ResourceType | null;
  shopifyId: number | null;
  odooId: number | null;
  odooInvoiceId: number | null;
  status: string | null;
  syncedAt: string | null;
  email: string | null;
  skus: string[] | null;
  orderName: string | null;
  /** Why the row cannot be a mapping; null when it can. */
  invalid: string | null;
  /** The row's cells as uploaded, by export column (empty ones left out), when reading it lost one. */
  cells: RestoreRowCells | null;
};

export type ParsedExport = { format: ExportFormat; shopDomain: string | null; rows: ParsedRestoreRow[] };

/** Columns a CSV must have; the others (gid, invoice, time, natural keys) are read when present. */
const REQUIRED_COLUMNS = ["resource_type", "shopify_id", "odoo_id", "status"] as const;

const unprocessable = (message: string) => new AppError("unprocessable", message, { field: "file" });

export function parseMappingExport(bytes: Buffer): ParsedExport {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new AppError("unprocessable", "file: not UTF-8 text — upload the CSV or JSON file Synco exported", {
      field: "file",
      cause: error,
    });
  }
  const start = text.search(/\S/);
  if (start < 0) throw unprocessable("file: the file is empty");
  return text[start] === "{" || text[start] === "[" ? parseJson(text) : parseCsv(text);
}

function parseJson(text: string): ParsedExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError("unprocessable", `file: not valid JSON (${(error as Error).message})`, {
      field: "file",
      cause: error,
    });
  }
  // The one text rule (NUL, lone surrogates): the field named as the JSON path to it.
  const bad = findBadText(value);
  if (bad) throw new AppError("unprocessable", `${bad.field}: ${bad.problem}`, { field: bad.field });
  const document = Array.isArray(value) ? { mappings: value } : (value as Record<string, unknown>);
  if (!Array.isArray(document.mappings))
    throw unprocessable("file: a JSON mapping export has a “mappings” list — this file has none");
  const shopDomain = typeof document.shopDomain === "string" ? document.shopDomain : null;
  const mappings = document.mappings as unknown[];
  checkCount(mappings.length);
  const rows = mappings.map((entry, index) => {
    if (!entry || typeof entry !== "object" || Array.isArray(entry))
      return invalidRow(index + 1, "the entry is not an object");
    const fields = entry as Record<string, unknown>;
    const get = (key: string) => textOf(fields[key]);
    const skus = fields.skus;
    const cells = () => cellsOf((column) => jsonCell(fields[camelCase(column)]));
    return toRow(index + 1, cells, {
      resourceType: get("resourceType"),
      shopifyId: get("shopifyId") ?? get("shopifyGid"),
      odooId: get("odooId"),
      odooInvoiceId: get("odooInvoiceId"),
      status: get("status"),
      syncedAt: get("syncedAt"),
      email: get("email"),
      skus: Array.isArray(skus) ? skus.map(textOf).filter((sku): sku is string => Boolean(sku)) : null,
      orderName: get("orderName"),
    });
  });
  return { format: "json", shopDomain, rows };
}

function parseCsv(text: string): ParsedExport {
  const records = csvRecords(text);
  const header = records.next();
  if (header.done) throw unprocessable("file: the file is empty");
  const columns = header.value.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length)
    throw unprocessable(
      `file: the CSV has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""} — upload a mapping export as Synco writes it`,
    );
  const at = (record: string[], name: string) => {
    const index = columns.indexOf(name);
    return index < 0 ? null : textOf(unneutralise(record[index] ?? ""));
  };
  const rows: ParsedRestoreRow[] = [];
  for (const record of records) {
    if (record.length === 1 && record[0]!.trim() === "") continue;
    const bad = findBadText(record);
    if (bad) throw unprocessable(`file: mapping ${rows.length + 1}, column ${Number(bad.field) + 1}: ${bad.problem}`);
    checkCount(rows.length + 1);
    const cells = () => cellsOf((column) => (columns.includes(column) ? record[columns.indexOf(column)] : undefined));
    rows.push(
      toRow(rows.length + 1, cells, {
        resourceType: at(record, "resource_type"),
        shopifyId: at(record, "shopify_id") ?? at(record, "shopify_gid"),
        odooId: at(record, "odoo_id"),
        odooInvoiceId: at(record, "odoo_invoice_id"),
        status: at(record, "status"),
        syncedAt: at(record, "synced_at"),
        email: at(record, "email"),
        skus: at(record, "skus")?.split(/\s+/).filter(Boolean) ?? null,
        orderName: at(record, "order_name"),
      }),
    );
  }
  return { format: "csv", shopDomain: null, rows };
}

function checkCount(count: number) {
  if (count > RESTORE_MAX_ROWS)
    throw unprocessable(
      `file: more than ${RESTORE_MAX_ROWS.toLocaleString("en")} mappings — export and restore one type at a time`,
    );
}

type RawRow = {
  resourceType: string | null;
  shopifyId: string | null;
  odooId: string | null;
  odooInvoiceId: string | null;
  status: string | null;
  syncedAt: string | null;
  email: string | null;
  skus: string[] | null;
  orderName: string | null;
};

function toRow(rowNumber: number, cells: () => RestoreRowCells, raw: RawRow): ParsedRestoreRow {
  const type = RESOURCE_TYPES.find((candidate) => candidate === raw.resourceType?.toLowerCase()) ?? null;
  const shopifyId = type && raw.shopifyId ? parseShopifyId(type, raw.shopifyId) : null;
  const odooId = positiveId(raw.odooId);
  const odooInvoiceId = positiveId(raw.odooInvoiceId);
  const syncedAt =
    raw.syncedAt && !Number.isNaN(Date.parse(raw.syncedAt)) ? new Date(raw.syncedAt).toISOString() : null;
  const invalid = !type
    ? `resource type “${raw.resourceType ?? ""}” is not product, customer or order`
    : shopifyId === null
      ? `Shopify ID “${raw.shopifyId ?? ""}” is not a ${type} id`
      : raw.odooId && odooId === null
        ? `Odoo ID “${raw.odooId}” is not a record id`
        : raw.odooInvoiceId && (odooInvoiceId === null || type !== "order")
          ? `Odoo invoice ID “${raw.odooInvoiceId}” is not valid for a ${type}`
          : null;
  return {
    rowNumber,
    resourceType: type,
    shopifyId,
    odooId,
    odooInvoiceId: type === "order" ? odooInvoiceId : null,
    status: raw.status?.toLowerCase() ?? null,
    syncedAt,
    email: raw.email,
    skus: raw.skus,
    orderName: raw.orderName,
    invalid,
    cells: invalid || (raw.syncedAt && !syncedAt) ? cells() : null,
  };
}

function invalidRow(rowNumber: number, invalid: string): ParsedRestoreRow {
  return {
    rowNumber,
    resourceType: null,
    shopifyId: null,
    odooId: null,
    odooInvoiceId: null,
    status: null,
    syncedAt: null,
    email: null,
    skus: null,
    orderName: null,
    invalid,
    cells: null,
  };
}

function positiveId(value: string | null): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text.slice(0, 1000);
}

/**
 * The cells of the export's columns, as uploaded (not trimmed, not shortened: the upload's size
 * bounds them, as no column is kept twice); an empty or absent cell is left out.
 */
function cellsOf(cell: (column: (typeof CSV_COLUMNS)[number]) => string | undefined): RestoreRowCells {
  const cells: RestoreRowCells = {};
  for (const column of CSV_COLUMNS) {
    const text = cell(column);
    if (text) cells[column] = text;
  }
  return cells;
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A JSON value as a CSV cell: text as is, a number or true/false as JSON writes it, a list of those
 * (the export's `skus`) joined by spaces as the CSV writes it, anything else (an object, a list
 * holding one) as its JSON text; null is empty.
 */
function jsonCell(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null))
    return value.map((item) => (item === null ? "" : String(item))).join(" ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The export writes `'` before a leading = + - @ (so spreadsheets never run a cell); read it back without. */
const unneutralise = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends. */
export function* csvRecords(text: string): Generator<string[]> {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (position < text.length) {
    const record: string[] = [];
    const startLine = line;
    for (;;) {
      let field = "";
      if (text[position] === '"') {
        position++;
        for (;;) {
          const quote = text.indexOf('"', position);
          if (quote < 0) throw unprocessable(`file: line ${startLine}: a quoted field is never closed`);
          field += text.slice(position, quote);
          for (let i = position; i < quote; i++) if (text[i] === "\n") line++;
          position = quote + 1;
          if (text[position] === '"') {
            field += '"';
            position++;
          } else break;
        }
        const next = text[position];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n")
          throw unprocessable(`file: line ${startLine}: text after a quoted field`);
      } else {
        const end = /[,\r\n]/g;
        end.lastIndex = position;
        const found = end.exec(text);
        const stop = found ? found.index : text.length;
        field = text.slice(position, stop);
        position = stop;
      }
      record.push(field);
      if (text[position] === ",") {
        position++;
        continue;
      }
      if (text[position] === "\r") position++;
      if (text[position] === "\n") {
        position++;
        line++;
      }
      break;
    }
    yield record;
  }
}
