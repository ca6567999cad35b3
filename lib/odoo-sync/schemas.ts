// The API of the sync to Odoo: what POST /api/stores/:storeId/odoo-sync accepts and answers. No
// server imports: the list pages' "Sync selected", "Sync all not synced" and "Retry failed" use
// these too. The run itself, its history and live events are the operations API's.
import { z } from "zod";
import type { TOperationRun } from "@/lib/operations/schemas";
import { ODOO_SYNC_MAX_SELECTED, ODOO_SYNC_TYPES } from "@/lib/vocabulary/odoo-sync";
import { listWords } from "@/lib/vocabulary/words";

const ZType = z.enum(ODOO_SYNC_TYPES, { error: `type must be one of ${listWords(ODOO_SYNC_TYPES, "or")}` });

/** A Shopify id as the lists give it: the gid or its number. */
const ZShopifyId = z.union([z.string().trim().min(1).max(100), z.number().int().positive()], {
  error: "shopifyIds must hold Shopify ids (gid://shopify/… or a number)",
});

/**
 * POST /api/stores/:storeId/odoo-sync, with header `Idempotency-Key` (the same key answers the
 * same run). `failed` is "Retry failed"; `store` syncs every item not synced or failed, of every type.
 */
export const ZOdooSyncRequest = z.discriminatedUnion(
  "scope",
  [
    z.object({
      scope: z.literal("selected"),
      type: ZType,
      shopifyIds: z
        .array(ZShopifyId, { error: "shopifyIds must be a list of Shopify ids" })
        .min(1, "shopifyIds must name at least one item")
        .max(ODOO_SYNC_MAX_SELECTED, `shopifyIds may name at most ${ODOO_SYNC_MAX_SELECTED} items`),
    }),
    z.object({ scope: z.literal("not_synced"), type: ZType }),
    z.object({ scope: z.literal("failed"), type: ZType }),
    z.object({ scope: z.literal("store") }),
  ],
  { error: "scope must be one of selected, not_synced, failed or store" },
);
export type TOdooSyncRequest = z.infer<typeof ZOdooSyncRequest>;

/** 202: the sync run that takes the items (a new one, or the store's sync already queued or running). */
export type TOdooSyncResponse = {
  run: TOperationRun;
  /** False when the run was already there: the same key again, or a sync under way that took the items too. */
  created: boolean;
  /** Items this request added to the queue (an item already queued is not counted twice). */
  queued: number;
};

/** What a sync run's summary holds once it ends (the run's `summary`). */
export type TOdooSyncSummary = {
  odooCalls: number;
  shopifyPoints: number;
  /**
   * Per resource type: items linked to a record Odoo already had (kept from their mapping or found by
   * email, SKU or order name), records created in Odoo, and items of the run that failed. Every type
   * the run touched is there, 0 included (items an order brought along count under their own type).
   */
  linked: Record<string, number>;
  created: Record<string, number>;
  failed: Record<string, number>;
};
