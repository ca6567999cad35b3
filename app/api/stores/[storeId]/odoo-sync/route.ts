import { ZIdempotencyKey } from "@/lib/clear/schemas";
import { AppError } from "@/lib/errors/app-error";
import { withStore } from "@/lib/http/handler";
import { requestOdooSync } from "@/lib/odoo-sync/request-odoo-sync";
import { ZOdooSyncRequest } from "@/lib/odoo-sync/schemas";

// POST /api/stores/:storeId/odoo-sync — sync items to Odoo (202 with the sync run that takes them)
export const POST = withStore(
  async ({ req, store, actor, body }) => {
    const key = ZIdempotencyKey.safeParse(req.headers.get("idempotency-key") ?? undefined);
    if (!key.success) throw new AppError("unprocessable", key.error.issues[0]!.message, { field: "Idempotency-Key" });
    const answer = await requestOdooSync({
      storeId: store.id,
      organizationId: store.organizationId,
      actor,
      request: body,
      idempotencyKey: key.data,
    });
    return Response.json(answer, { status: 202 });
  },
  { can: "sync.odoo", body: ZOdooSyncRequest },
);
