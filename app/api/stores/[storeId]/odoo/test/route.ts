import { withStore } from "@/lib/http/handler";
import { testOdooConnection } from "@/lib/stores/odoo/odoo-connection";
import { ZTestOdooConnectionRequest } from "@/lib/stores/odoo/schemas";

// POST /api/stores/:storeId/odoo/test — test the saved connection or the values entered: version,
// user, the access rights the sync needs, or what is wrong (`result.problem`, `result.message`)
export const POST = withStore(async ({ store, body }) => testOdooConnection({ store, input: body }), {
  can: "store.manage",
  body: ZTestOdooConnectionRequest,
});
