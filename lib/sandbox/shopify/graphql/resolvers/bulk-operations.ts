// Bulk operation reads: bulkOperation(id), bulkOperations (the app's own, newest first by
// default), the deprecated currentBulkOperation, and the BulkOperation type. A finished result is
// downloadable from `url` (or `partialDataUrl` when the operation failed part-way) for a week;
// after that a completed operation reads as EXPIRED.
import { and, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import {
  sandboxShopifyBulkOperations as operations,
  sandboxShopifyFiles as files,
} from "@/db/schema/sandbox-shopify-bulk";
import { SANDBOX_SHOPIFY_BASE_PATH } from "../../sandbox-paths";
import { SANDBOX_FILE_TTL_MS } from "../../files/sandbox-file-store";
import { toGid } from "../../gid";
import type { SandboxContext } from "../context";
import { paginate, type ConnectionArgs } from "../paginate";
import { typed, type BulkOperationNode } from "../rows";
import { idArgument, searchCondition, type ResolverMap } from "./common";
import { sortBy, type ResourceList } from "./resource-list";

/** Operations with their result file's key and size, as the BulkOperation type needs them. */
export async function selectBulkOperations(
  ctx: SandboxContext,
  where: SQL | undefined,
  orderBy: SQL[] = [],
  limit = 250,
): Promise<BulkOperationNode[]> {
  const rows = await ctx.db
    .select({
      ...getTableColumns(operations),
      resultKey: files.key,
      resultFilename: files.filename,
      resultSize: files.size,
    })
    .from(operations)
    .leftJoin(files, eq(files.id, operations.resultFileId))
    .where(and(eq(operations.installationId, ctx.installationId), where))
    .orderBy(...orderBy)
    .limit(limit);
  return rows.map((row) => typed("BulkOperation", row));
}

const completedOrLast = sql`coalesce(${operations.completedAt}, 'infinity'::timestamptz)`;

const bulkList: Pick<ResourceList<BulkOperationNode>, "sorts" | "search"> = {
  sorts: {
    CREATED_AT: sortBy.time("CREATED_AT", operations.createdAt, (row) => row.createdAt),
    COMPLETED_AT: {
      key: "COMPLETED_AT",
      column: completedOrLast,
      cast: "timestamptz",
      value: (row) => row.completedAt ?? "infinity",
    },
  },
  search: {
    fields: {
      id: { kind: "id", column: operations.id },
      created_at: { kind: "date", column: operations.createdAt },
      status: { kind: "text", column: operations.status, match: "exact" },
      operation_type: { kind: "text", column: operations.type, match: "exact" },
      // The 2026-01 guide's own example filters with `type:`.
      type: { kind: "text", column: operations.type, match: "exact" },
    },
    text: [],
  },
};

const expired = (row: BulkOperationNode) =>
  row.status === "COMPLETED" && !!row.completedAt && row.completedAt.getTime() + SANDBOX_FILE_TTL_MS < Date.now();
const downloadUrl = (row: BulkOperationNode) =>
  `${row.baseUrl}${SANDBOX_SHOPIFY_BASE_PATH}/files/${row.resultKey}/${row.resultFilename}`;
const hasData = (row: BulkOperationNode) => !!row.resultKey && (row.resultSize ?? 0) > 0 && !expired(row);

export const bulkOperationResolvers: ResolverMap = {
  QueryRoot: {
    bulkOperation: async (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "BulkOperation");
      return id === null ? null : ((await selectBulkOperations(ctx, eq(operations.id, id)))[0] ?? null);
    },
    currentBulkOperation: async (_: unknown, args: { type: string }, ctx: SandboxContext) =>
      (
        await selectBulkOperations(
          ctx,
          eq(operations.type, args.type as "QUERY"),
          [desc(operations.createdAt), desc(operations.id)],
          1,
        )
      )[0] ?? null,
    bulkOperations: (
      _: unknown,
      args: ConnectionArgs & { query?: string | null; sortKey: string },
      ctx: SandboxContext,
      info: Parameters<typeof searchCondition>[1],
    ) =>
      paginate<BulkOperationNode>({
        field: "bulkOperations",
        // Newest first unless reversed, as Shopify documents for this connection.
        args: { ...args, reverse: !args.reverse },
        sort: bulkList.sorts[args.sortKey]!,
        idColumn: operations.id,
        where: searchCondition(ctx, info, args.query, bulkList.search),
        fetch: (where, orderBy, limit) => selectBulkOperations(ctx, where, orderBy, limit),
      }),
  },
  BulkOperation: {
    id: (row: BulkOperationNode) => toGid("BulkOperation", row.id),
    status: (row: BulkOperationNode) => (expired(row) ? "EXPIRED" : row.status),
    url: (row: BulkOperationNode) => (row.status === "COMPLETED" && hasData(row) ? downloadUrl(row) : null),
    partialDataUrl: (row: BulkOperationNode) => (row.status === "FAILED" && hasData(row) ? downloadUrl(row) : null),
    fileSize: (row: BulkOperationNode) => (row.status === "COMPLETED" && hasData(row) ? row.resultSize : null),
  },
};
