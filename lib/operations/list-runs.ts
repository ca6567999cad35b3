// A store's runs: the ones queued or running first (on the first page), then the finished ones,
// newest first, a page at a time (keyset on created_at and id, so a deep page costs what the first does).
import { and, asc, desc, eq, inArray, lt, notInArray, or } from "drizzle-orm";
import { db } from "@/db/client";
import { operationRuns } from "@/db/schema/operations";
import { storeRunsScope } from "@/db/store-scope";
import { AppError } from "@/lib/errors/app-error";
import { ACTIVE_OPERATION_STATUSES } from "@/lib/vocabulary/operations";
import { toRunView } from "./run-view";
import type { TListRunsQuery, TOperationRun, TRunsPage } from "./schemas";

type Options = Omit<TListRunsQuery, "kind"> & {
  kind?: TListRunsQuery["kind"];
  storeId: string;
  organizationId: string;
};

export async function listRuns({ storeId, organizationId, kind, limit, before }: Options): Promise<TRunsPage> {
  const cursor = before ? parseCursor(before) : null;
  const ofStore = and(
    storeRunsScope({ storeId, organizationId }),
    kind ? inArray(operationRuns.kind, kind) : undefined,
  );
  const active = cursor
    ? []
    : await db
        .select()
        .from(operationRuns)
        .where(and(ofStore, inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES])))
        .orderBy(asc(operationRuns.createdAt));
  const rows = await db
    .select()
    .from(operationRuns)
    .where(
      and(
        ofStore,
        notInArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
        cursor
          ? or(
              lt(operationRuns.createdAt, cursor.createdAt),
              and(eq(operationRuns.createdAt, cursor.createdAt), lt(operationRuns.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(operationRuns.createdAt), desc(operationRuns.id))
    .limit(limit + 1);
  const history: TOperationRun[] = rows.slice(0, limit).map(toRunView);
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return {
    active: active.map(toRunView),
    history,
    nextCursor: last ? formatCursor(last.createdAt, last.id) : null,
  };
}

/** The active runs of every store of an organization (the stores list), oldest first. */
export async function listActiveRuns({ organizationId }: { organizationId: string }): Promise<TOperationRun[]> {
  const rows = await db
    .select()
    .from(operationRuns)
    .where(
      and(
        eq(operationRuns.organizationId, organizationId),
        inArray(operationRuns.status, [...ACTIVE_OPERATION_STATUSES]),
      ),
    )
    .orderBy(asc(operationRuns.createdAt));
  return rows.map(toRunView);
}

const formatCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function parseCursor(value: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(value, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime()))
    throw new AppError("unprocessable", "before: not a cursor from this list", { field: "before" });
  return { createdAt, id };
}
