import { withStore } from "@/lib/http/handler";
import { getOdooConnection, removeOdooConnection, saveOdooConnection } from "@/lib/stores/odoo/odoo-connection";
import { ZSaveOdooConnectionRequest } from "@/lib/stores/odoo/schemas";

// GET /api/stores/:storeId/odoo — the store's Odoo connection (the API key only as set / not set)
export const GET = withStore(async ({ store }) => getOdooConnection(store));

// PUT /api/stores/:storeId/odoo — set or change it (without apiKey the saved key is kept); audited
export const PUT = withStore(async ({ store, actor, body }) => saveOdooConnection({ store, actor, input: body }), {
  can: "store.manage",
  body: ZSaveOdooConnectionRequest,
});

// DELETE /api/stores/:storeId/odoo — remove it (again: nothing to remove, still 200); audited
export const DELETE = withStore(async ({ store, actor }) => removeOdooConnection({ store, actor }), {
  can: "store.manage",
});
