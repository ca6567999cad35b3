// Request schemas and answer shapes of the sync routes (/api/stores/:storeId/sync/…). No server
// imports: the pages use these too.
import { z } from "zod";
import type { TIndexStatusView } from "@/lib/shopify-index/schemas";
import {
  EXPORT_FORMATS,
  RESOURCE_TYPES,
  SYNC_MIRROR_FILTERS,
  SYNC_TABS,
  type MappingStatus,
  type MirrorState,
  type ResourceType,
  type SyncStatus,
} from "@/lib/vocabulary/sync";
import { listWords } from "@/lib/vocabulary/words";

export const SYNC_PAGE_SIZE = 50;
export const SYNC_MAX_PAGE_SIZE = 100;

const ZType = z.enum(RESOURCE_TYPES, { error: `type must be ${listWords(RESOURCE_TYPES, "or")}` });

/** A search's total is counted up to this many items ("10,000+"). */
export const SYNC_COUNT_CAP = 10_000;

const ZListFilter = z.object({
  type: ZType,
  tab: z.enum(SYNC_TABS, { error: `tab must be ${listWords(SYNC_TABS, "or")}` }).default("all"),
  mirror: z.enum(SYNC_MIRROR_FILTERS, { error: `mirror must be ${listWords(SYNC_MIRROR_FILTERS, "or")}` }).optional(),
  q: z
    .string()
    .trim()
    .max(200, "q must be at most 200 characters")
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export const ZSyncItemsCountQuery = ZListFilter;
export type TSyncItemsCountQuery = z.infer<typeof ZSyncItemsCountQuery>;
/** GET /api/stores/:storeId/sync/items/count — `capped`: there are more than `count`. */
export type TSyncItemsCount = { count: number; capped: boolean };

/** GET /api/stores/:storeId/sync/items/export — a list as CSV (`type` absent: every type, for the overview). */
export const ZSyncItemsExportQuery = ZListFilter.extend({ type: ZType.optional() }).transform(
  ({ type, ...filter }) => ({ ...filter, types: type ? [type] : [...RESOURCE_TYPES] }),
);
export type TSyncItemsExportQuery = z.infer<typeof ZSyncItemsExportQuery>;

export const ZSyncItemsQuery = ZListFilter.extend({
  after: z.string().max(64, "after is not a cursor from this list").optional(),
  /** A page by number (1-based), for links, reloads and jumps; `after` is the cheaper way to the next page. */
  page: z.coerce
    .number({ error: "page must be a number" })
    .int("page must be a whole number")
    .min(1, "page must be between 1 and 1,000,000")
    .max(1_000_000, "page must be between 1 and 1,000,000")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be between 1 and 100")
    .max(SYNC_MAX_PAGE_SIZE, "limit must be between 1 and 100")
    .default(SYNC_PAGE_SIZE),
});
export type TSyncItemsQuery = z.infer<typeof ZSyncItemsQuery>;

export const ZSyncItemParams = z.object({
  type: ZType,
  shopifyId: z
    .string()
    .regex(
      /^(\d{1,18}|gid:\/\/shopify\/(Product|Customer|Order)\/\d{1,18})$/,
      "shopifyId must be a numeric id or a Shopify gid",
    ),
});

export const ZSyncExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be ${listWords(EXPORT_FORMATS, "or")}` }).default("csv"),
  types: z
    .string()
    .optional()
    .transform((value) =>
      value
        ? [
            ...new Set(
              value
                .split(",")
                .map((part) => part.trim())
                .filter(Boolean),
            ),
          ]
        : [...RESOURCE_TYPES],
    )
    .pipe(z.array(ZType).min(1, `types must name at least one of ${RESOURCE_TYPES.join(", ")}`)),
});
export type TSyncExportQuery = z.infer<typeof ZSyncExportQuery>;

export type TSyncTypeCounts = {
  total: number;
  synced: number;
  failed: number;
  notSynced: number;
  lastSyncedAt: string | null;
  /** Mappings of this type Shopify refused to store (items deleted in Shopify included); counted up to 10,000 per store. */
  mirrorFailed: number;
};

export type TSyncOverview = {
  storeId: string;
  types: Record<ResourceType, TSyncTypeCounts>;
  index: TIndexStatusView;
  /** Mapping writes Shopify does not show yet (pending) or refused (failed); counted up to 10,000. */
  mirror: { pending: number; failed: number };
};

export type TSyncItem = {
  type: ResourceType;
  shopifyId: string;
  gid: string;
  /** Product title, customer name (or email), order name. */
  title: string;
  email: string | null;
  skus: string[];
  orderName: string | null;
  status: SyncStatus;
  odooId: number | null;
  odooInvoiceId: number | null;
  lastError: string | null;
  /** Shopify's message when it refused to store this item's mapping in its metafield. */
  mirrorError: string | null;
  syncedAt: string | null;
  /** Null: the item is not in Synco's copy of the store (deleted in Shopify, or not read yet) — only mapped items show so. */
  shopifyUpdatedAt: string | null;
};

export type TSyncItemsPage = { items: TSyncItem[]; nextCursor: string | null };

export type TSyncItemDetail = TSyncItem & {
  mapping: {
    status: MappingStatus;
    odooId: number | null;
    odooInvoiceId: number | null;
    syncedAt: string | null;
    lastError: string | null;
    /** Whether Shopify shows this mapping in the item's metafield yet. */
    mirror: { state: MirrorState; error: string | null; mirroredAt: string | null };
    createdAt: string;
    updatedAt: string;
  } | null;
};

/** GET /api/stores/:storeId/sync/overview */
export type TSyncOverviewResponse = { overview: TSyncOverview };
/** GET /api/stores/:storeId/sync/items/:type/:shopifyId */
export type TSyncItemResponse = { item: TSyncItemDetail };
