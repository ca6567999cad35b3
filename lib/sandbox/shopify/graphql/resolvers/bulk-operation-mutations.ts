// bulkOperationRunQuery, bulkOperationRunMutation, bulkOperationCancel and stagedUploadsCreate.
// Creating an operation only checks and stores it (status CREATED); a background worker runs it.
import { and, eq, isNotNull } from "drizzle-orm";
import {
  sandboxShopifyBulkOperations as operations,
  sandboxShopifyFiles as files,
} from "@/db/schema/sandbox-shopify-bulk";
import { cancelBulkOperation } from "../../bulk/cancel-bulk-operation";
import { planBulkMutation } from "../../bulk/bulk-mutation-plan";
import { planBulkQuery } from "../../bulk/bulk-query-plan";
import { createBulkOperation, MAX_RUNNING_BULK_OPERATIONS } from "../../bulk/create-bulk-operation";
import { SANDBOX_SHOPIFY_BASE_PATH } from "../../sandbox-paths";
import { createStagedUploads, type StagedUploadInput } from "../../staged-uploads/create-staged-uploads";
import { kickBulkRunner } from "../../workers/worker-kicks";
import type { SandboxContext } from "../context";
import { typed } from "../rows";
import { idArgument, type ResolverMap } from "./common";
import { selectBulkOperations } from "./bulk-operations";

// Best guess at Shopify's wording; the limit and the code are documented.
const limitReached = (type: "query" | "mutation") => ({
  field: null,
  code: "LIMIT_REACHED",
  message: `Bulk operations limit reached: at most ${MAX_RUNNING_BULK_OPERATIONS} bulk ${type} operations can run at the same time for this app and shop. Try again later.`,
});

async function start(
  ctx: SandboxContext,
  type: "QUERY" | "MUTATION",
  query: string,
  extra: { inputFileId?: number; clientIdentifier?: string | null; groupObjects?: boolean } = {},
) {
  const created = await createBulkOperation({
    db: ctx.db,
    shopId: ctx.shop.id,
    installationId: ctx.installationId,
    type,
    query,
    baseUrl: ctx.publicUrl,
    ...extra,
  });
  if (created === "limit-reached") return null;
  kickBulkRunner();
  // The row as created: a worker may already have claimed it, but the answer says CREATED, as Shopify's does.
  return typed("BulkOperation", { ...created, resultKey: null, resultFilename: null, resultSize: null });
}

export const bulkOperationMutationResolvers: ResolverMap = {
  Mutation: {
    bulkOperationRunQuery: async (_: unknown, args: { query: string; groupObjects: boolean }, ctx: SandboxContext) => {
      const planned = planBulkQuery(args.query);
      if ("problem" in planned)
        return { bulkOperation: null, userErrors: [{ field: ["query"], message: planned.problem, code: "INVALID" }] };
      const bulkOperation = await start(ctx, "QUERY", args.query, { groupObjects: args.groupObjects });
      return bulkOperation
        ? { bulkOperation, userErrors: [] }
        : { bulkOperation: null, userErrors: [limitReached("query")] };
    },
    bulkOperationRunMutation: async (
      _: unknown,
      args: { mutation: string; stagedUploadPath: string; clientIdentifier?: string | null },
      ctx: SandboxContext,
    ) => {
      const planned = planBulkMutation(args.mutation);
      if ("problem" in planned)
        return {
          bulkOperation: null,
          userErrors: [{ field: ["mutation"], message: planned.problem, code: "INVALID_MUTATION" }],
        };
      const [file] = await ctx.db
        .select({ id: files.id, size: files.size })
        .from(files)
        .where(
          and(
            eq(files.key, args.stagedUploadPath),
            eq(files.shopId, ctx.shop.id),
            eq(files.purpose, "staged_upload"),
            isNotNull(files.uploadedAt),
          ),
        );
      if (!file) {
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: ["stagedUploadPath"],
              message:
                "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.",
              code: "NO_SUCH_FILE",
            },
          ],
        };
      }
      const bulkOperation = await start(ctx, "MUTATION", args.mutation, {
        inputFileId: file.id,
        clientIdentifier: args.clientIdentifier,
      });
      return bulkOperation
        ? { bulkOperation, userErrors: [] }
        : { bulkOperation: null, userErrors: [limitReached("mutation")] };
    },
    bulkOperationCancel: async (_: unknown, args: { id: string }, ctx: SandboxContext) => {
      const id = idArgument(args.id, "BulkOperation");
      const result =
        id === null
          ? { operation: null, error: "Bulk operation does not exist" }
          : await cancelBulkOperation({ db: ctx.db, installationId: ctx.installationId, operationId: id });
      const bulkOperation = result.operation
        ? ((await selectBulkOperations(ctx, eq(operations.id, result.operation.id)))[0] ?? null)
        : null;
      return { bulkOperation, userErrors: result.error ? [{ field: ["id"], message: result.error }] : [] };
    },
    stagedUploadsCreate: (_: unknown, args: { input: StagedUploadInput[] }, ctx: SandboxContext) =>
      createStagedUploads({
        db: ctx.db,
        shopId: ctx.shop.id,
        inputs: args.input,
        uploadUrl: `${ctx.publicUrl}${SANDBOX_SHOPIFY_BASE_PATH}/staged-uploads`,
      }),
  },
};
