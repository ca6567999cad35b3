import { passwordMatches } from "@/lib/auth/password-matches";
import { ZIdempotencyKey, ZStartClearRequest } from "@/lib/clear/schemas";
import { startClear } from "@/lib/clear/start-clear";
import { AppError } from "@/lib/errors/app-error";
import { withStore } from "@/lib/http/handler";

// POST /api/stores/:storeId/clears — start Clear Synco Data (202 with the run; 409 naming the active one)
export const POST = withStore(
  async ({ req, store, actor, body, signedInAt }) => {
    const key = ZIdempotencyKey.safeParse(req.headers.get("idempotency-key") ?? undefined);
    if (!key.success) throw new AppError("unprocessable", key.error.issues[0]!.message, { field: "Idempotency-Key" });
    const started = await startClear({
      store,
      actor,
      ...body,
      idempotencyKey: key.data,
      signedInAt,
      checkPassword: (password) => passwordMatches(req.headers, password),
    });
    return Response.json(started, { status: 202 });
  },
  { can: "clear.start", body: ZStartClearRequest },
);
