// Starts Clear Synco Data for a store: the same Idempotency-Key returns the same run; otherwise the
// typed confirmation must be the shop's domain, a session that signed in long ago must give the
// password again, and the database admits one clear or sync per store at a time (a second is a
// 409 naming the active run). The request is audited whether it is accepted or refused; a replay
// of the same key (a double click, a retry after a lost answer) is the same request and is not.
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import type { Store } from "@/db/schema/stores";
import { storeRunsScope } from "@/db/store-scope";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { toRunView } from "@/lib/operations/run-view";
import { startRun } from "@/lib/operations/start-run";
import type { ClearRefusal } from "@/lib/vocabulary/audit";
import { CLEAR_REAUTH_MINUTES } from "@/lib/vocabulary/clear";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { mappedCounts, sessionIsStale } from "./preview-clear";
import { CLEAR_REAUTH_ERROR_CODE, type TStartClearResponse } from "./schemas";

/** What a clear run keeps in its scope: the types, and where the request came from (for the audit log). */
export type ClearRunScope = { types: ResourceType[]; requestedFrom: { ip: string | null; userAgent: string | null } };

export async function startClear({
  store,
  actor,
  scope,
  confirmation,
  password,
  idempotencyKey,
  signedInAt,
  checkPassword,
}: {
  store: Store;
  actor: Actor;
  scope: ResourceType[];
  confirmation: string;
  password?: string;
  idempotencyKey: string;
  signedInAt: Date;
  /** Whether the password is the user's (lib/auth; passed in, being a layer above). */
  checkPassword: (password: string) => Promise<boolean>;
}): Promise<TStartClearResponse> {
  const target = { storeId: store.id, organizationId: store.organizationId };
  const [same] = await db
    .select()
    .from(operationRuns)
    .where(
      and(storeRunsScope(target), eq(operationRuns.kind, "clear"), eq(operationRuns.idempotencyKey, idempotencyKey)),
    );
  if (same) return { run: toRunView(same), created: false };

  const refuse = async (refused: ClearRefusal, error: AppError) => {
    await recordAudit(db, actor, {
      ...target,
      action: "clear.requested",
      outcome: "failed",
      target: store.shopDomain,
      details: { runId: (error.details?.runId as string | undefined) ?? null, scope, refused },
    });
    return error;
  };
  if (confirmation.trim().toLowerCase() !== store.shopDomain.toLowerCase())
    throw await refuse(
      "confirmation",
      new AppError("unprocessable", `confirmation must be the store's domain, ${store.shopDomain}`, {
        field: "confirmation",
      }),
    );
  if (sessionIsStale(signedInAt)) {
    if (!password)
      throw await refuse(
        "password_required",
        new AppError(
          CLEAR_REAUTH_ERROR_CODE,
          `You signed in more than ${CLEAR_REAUTH_MINUTES} minutes ago: enter your password to clear Synco data`,
          { field: "password" },
        ),
      );
    if (!(await checkPassword(password)))
      throw await refuse(
        "password_wrong",
        new AppError(CLEAR_REAUTH_ERROR_CODE, "password is incorrect", { field: "password" }),
      );
  }
  if (store.status !== "connected")
    throw new AppError("conflict", "This store is not connected: connect it again before clearing its Synco data");

  const counts = await mappedCounts(store.id, scope);
  const runScope: ClearRunScope = { types: scope, requestedFrom: { ip: actor.ip, userAgent: actor.userAgent } };
  try {
    return await db.transaction(async (tx) => {
      const { run, created } = await startRun({
        kind: "clear",
        ...target,
        actor: { userId: actor.userId, email: actor.email },
        trigger: "user",
        scope: runScope,
        idempotencyKey,
        counters: Object.fromEntries(
          scope.map((type) => [type, { planned: counts[type].mappings, done: 0, failed: 0 }]),
        ),
        tx,
      });
      // A request that raced another with the same key got that run: one clear, asked once.
      if (created)
        await recordAudit(tx, actor, {
          ...target,
          action: "clear.requested",
          target: store.shopDomain,
          details: { runId: run.id, scope, created },
        });
      return { run, created };
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    const activeRunId = (error.details?.runId as string | undefined) ?? null;
    throw await refuse(
      "conflict",
      new AppError("conflict", error.message, { details: { ...error.details, activeRunId }, cause: error }),
    );
  }
}
