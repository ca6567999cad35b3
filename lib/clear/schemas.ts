// The API of Clear Synco Data: what the preview answers, what a start and a settings change
// accept, and what they answer. No server imports: the Advanced Settings page and its
// confirmation modal use these too. The run itself, its history and live events are the
// operations API's (lib/operations/schemas.ts).
import { z } from "zod";
import type { TOperationRun } from "@/lib/operations/schemas";
import { CLEAR_STRATEGY_SETTINGS, type ClearStrategy, type ClearStrategySetting } from "@/lib/vocabulary/clear";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { listWords } from "@/lib/vocabulary/words";

/** Which resource types a clear covers: any non-empty subset, each once; all when left out. */
export const ZClearScope = z
  .array(z.enum(RESOURCE_TYPES, { error: `scope may contain only ${listWords(RESOURCE_TYPES, "and")}` }), {
    error: `scope must be a list of resource types (${listWords(RESOURCE_TYPES, "and")})`,
  })
  .min(1, "scope must name at least one resource type")
  .refine((types) => new Set(types).size === types.length, "scope must not name a resource type twice")
  .transform((types) => RESOURCE_TYPES.filter((type) => types.includes(type)));

/**
 * POST /api/stores/:storeId/clears. `confirmation` must be the store's shop domain, typed.
 * `password` is needed only when the session signed in more than CLEAR_REAUTH_MINUTES ago (the
 * preview's `passwordRequired`). Header `Idempotency-Key` (required): the same key returns the same run.
 */
export const ZStartClearRequest = z.object({
  scope: ZClearScope.default([...RESOURCE_TYPES]),
  confirmation: z
    .string({ error: "confirmation is required: type the store's domain" })
    .trim()
    .min(1, "confirmation is required: type the store's domain")
    .max(255, "confirmation does not match the store's domain"),
  password: z.string({ error: "password must be text" }).min(1, "password must not be empty").max(256).optional(),
});
export type TStartClearRequest = z.input<typeof ZStartClearRequest>;

/** The `Idempotency-Key` header: 1–200 visible ASCII characters (a UUID from the page). */
export const ZIdempotencyKey = z
  .string({ error: "the Idempotency-Key header is required" })
  .trim()
  .min(1, "the Idempotency-Key header is required")
  .max(200, "the Idempotency-Key header must be at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "the Idempotency-Key header may contain only visible ASCII characters");

/** 202 from a start: the run (queued, or the one this key already started). */
export type TStartClearResponse = { run: TOperationRun; created: boolean };

/**
 * Error codes a start can answer besides validation (422) and the wrapper's 401/403/404:
 * - 409 `conflict`, `details.activeRunId` (and `details.runId`): a clear or sync is queued or running;
 * - 403 `reauthentication_required`, `field: "password"`: the session is older than
 *   CLEAR_REAUTH_MINUTES and no password was sent, or the password is wrong;
 * - 422 `unprocessable`, `field: "confirmation"`: the typed text is not the shop domain.
 */
export const CLEAR_REAUTH_ERROR_CODE = "reauthentication_required" as const;

/** A legacy key: `namespace.key`, as Shopify spells metafield keys. */
export const ZLegacyKey = z
  .string({ error: "each legacy key must be text" })
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{2,255}\.[A-Za-z0-9_-]{2,64}$/,
    "each legacy key must be namespace.key (letters, digits, '-' and '_'; namespace 2–255, key 2–64 characters)",
  );

/** PATCH /api/stores/:storeId/clear/settings (owners and admins). */
export const ZUpdateClearSettingsRequest = z
  .object({
    legacyKeys: z
      .array(ZLegacyKey, { error: "legacyKeys must be a list of namespace.key" })
      .max(20, "legacyKeys may hold at most 20 keys")
      .refine((keys) => new Set(keys).size === keys.length, "legacyKeys must not repeat a key")
      .optional(),
    strategy: z
      .enum(CLEAR_STRATEGY_SETTINGS, { error: `strategy must be ${listWords(CLEAR_STRATEGY_SETTINGS, "or")}` })
      .optional(),
  })
  .refine((value) => value.legacyKeys !== undefined || value.strategy !== undefined, "send legacyKeys or strategy");
export type TUpdateClearSettingsRequest = z.infer<typeof ZUpdateClearSettingsRequest>;

/** GET and PATCH /api/stores/:storeId/clear/settings. */
export type TClearSettings = {
  /** The namespace Synco writes to now (a store setting: PATCH /api/stores/:storeId). */
  namespace: string;
  /** Every namespace the store has used before, oldest first; a clear covers them all. */
  previousNamespaces: string[];
  /** Keys of earlier Synco installs (`namespace.key`), cleared on every type in scope. */
  legacyKeys: string[];
  strategy: ClearStrategySetting;
};
export type TClearSettingsResponse = { settings: TClearSettings };

/** One resource type of the preview. */
export type TClearTypePreview = {
  type: ResourceType;
  /** Mapping rows Synco holds for this type: the items that become "Not synced". */
  mappedItems: number;
  /** `sync` metafields Synco wrote for them (deleted first; the run also searches Shopify for the rest). */
  knownMetafields: number;
  /** Every metafield key cleared on this type (`namespace.key`). */
  keys: string[];
};

/** Orders the store's token cannot see (older than ORDERS_WINDOW_DAYS without `read_all_orders`). */
export type TUnreachableOrders = {
  /** Mapped orders known (from the store's index) to be older than the window. */
  count: number;
  /** Mapped orders the index has no date for (not seen by Shopify's export: older, or deleted). */
  undated: number;
  /** Orders created before this instant are out of reach. */
  before: string;
  missingScope: "read_all_orders";
  /** In words, for the page and the run's summary. */
  reason: string;
};

/** GET /api/stores/:storeId/clear/preview — what a clear of the given scope would delete. */
export type TClearPreview = {
  storeId: string;
  /** What the confirmation must equal. */
  shopDomain: string;
  scope: ResourceType[];
  types: TClearTypePreview[];
  namespaces: { current: string; previous: string[] };
  legacyKeys: string[];
  unreachableOrders: TUnreachableOrders | null;
  /** What the run will use, and the store's setting that chose it. */
  strategy: ClearStrategy;
  strategySetting: ClearStrategySetting;
  estimatedSeconds: number;
  /** The session is older than CLEAR_REAUTH_MINUTES: the start must carry the password. */
  passwordRequired: boolean;
  /** Whether the caller may start a clear (owners and admins); members see the preview read-only. */
  canStart: boolean;
  /** A clear or sync already queued or running on the store (a start would be a 409). */
  activeRunId: string | null;
  /** Always true: the clear never touches Odoo. */
  odooUntouched: true;
};
export type TClearPreviewResponse = { preview: TClearPreview };

/** `?scope=product,order` on the preview (all types when left out). */
export const ZClearPreviewQuery = z.object({
  scope: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").map((part) => part.trim()) : [...RESOURCE_TYPES]))
    .pipe(ZClearScope),
});

/** What a finished clear run keeps as its summary (TOperationRun.summary). */
export type TClearSummary = {
  strategy: ClearStrategy;
  /** Set when a bulk operation failed and the rest went through metafieldsDelete calls. */
  fellBackToPaged: boolean;
  /** Per type: metafields deleted in Shopify, mapping rows deleted in Synco, refused items. */
  types: Partial<Record<ResourceType, { metafieldsDeleted: number; mappingsDeleted: number; refused: number }>>;
  /** Up to 20 of Shopify's refusals, with the item and its message. */
  refusals: { type: ResourceType; shopifyId: string; message: string }[];
  /** Metafields of the cleared keys the final check found (zero on success). */
  remaining: number;
  unreachableOrders: TUnreachableOrders | null;
  /** Shopify Admin API requests the run made (bulk polls included), and the points they cost. */
  apiCalls: number;
  apiPoints: number;
  odooUntouched: true;
};
