// Runs a bulk query in the background: pages the top-level connection 250 nodes at a time
// through the same resolvers the synchronous API uses, writes each page's JSONL lines as one
// chunk, and commits the chunk with the page's end cursor. A process that dies mid-way leaves
// a checkpoint; whoever claims the operation next continues after the last committed page.
import { execute, type GraphQLCompositeType, type GraphQLObjectType } from "graphql";
import type { SandboxAppInstallation, SandboxShop } from "@/db/schema/sandbox-shopify";
import type { SandboxBulkOperation } from "@/db/schema/sandbox-shopify-bulk";
import { sandboxSchema } from "../graphql/build-sandbox-schema";
import { createSandboxContext } from "../graphql/context";
import type { SandboxDb } from "../sandbox-db";
import { connectionNodeType } from "./bulk-graphql";
import { commitBulkProgress } from "./bulk-progress";
import { CURSOR_VARIABLE, PAGE_INFO_KEY, planBulkQuery } from "./bulk-query-plan";
import type { BulkRunOutcome } from "./import-bulk-mutation";
import { connectionNodes, LineSink, SinkFull, writeBulkObject } from "./write-bulk-lines";

type Json = Record<string, unknown>;

export type ExportBulkQueryOptions = {
  db: SandboxDb;
  operation: SandboxBulkOperation;
  shop: SandboxShop;
  installation: SandboxAppInstallation;
  owner: string;
  stopping?: () => boolean;
  chunkDelayMs?: number;
};

export async function exportBulkQuery({
  db,
  operation,
  shop,
  installation,
  owner,
  stopping = () => false,
  chunkDelayMs = 0,
}: ExportBulkQueryOptions): Promise<BulkRunOutcome> {
  const planned = planBulkQuery(operation.query);
  if ("problem" in planned) return { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR" };
  const { plan } = planned;
  const nodeType = plan.rootIsConnection
    ? (connectionNodeType(plan.rootType as GraphQLObjectType) as GraphQLCompositeType)
    : plan.rootType;
  let after = operation.checkpoint?.after ?? null;
  let written = operation.objectCount;

  const runPage = (cursor: string | null) => {
    const context = createSandboxContext({ db, shop, installation, publicUrl: operation.baseUrl });
    return Promise.resolve(
      execute({
        schema: sandboxSchema(),
        document: plan.document,
        variableValues: { [CURSOR_VARIABLE]: cursor },
        contextValue: context,
      }),
    ).then((result) => ({ result, context }));
  };
  let next = runPage(after);
  for (;;) {
    const { result, context } = await next;
    // A field the app's scopes do not reach fails the whole export (Shopify's ACCESS_DENIED error code).
    if (result.errors?.some((error) => error.extensions.code === "ACCESS_DENIED"))
      return { status: "FAILED", errorCode: "ACCESS_DENIED" };
    if (result.errors?.length || !result.data) throw result.errors?.[0] ?? new Error("bulk query returned no data");
    const root = result.data[plan.rootKey] as Json | null;

    const sink = new LineSink(
      operation.failAfterObjects === null ? null : Math.max(0, operation.failAfterObjects - written),
    );
    let full = false;
    try {
      if (plan.rootIsConnection && root) {
        for (const { node, selection } of connectionNodes(root, plan.rootField)) {
          await writeBulkObject(node, selection, nodeType, null, { sink, context, grouped: operation.groupObjects });
        }
      } else if (root) {
        await writeBulkObject(root, plan.rootField.selectionSet!, plan.rootType, null, {
          sink,
          context,
          grouped: operation.groupObjects,
        });
      }
    } catch (error) {
      if (!(error instanceof SinkFull)) throw error;
      full = true;
    }
    const info = plan.rootIsConnection
      ? (root?.[PAGE_INFO_KEY] as { hasNextPage: boolean; endCursor: string | null } | undefined)
      : undefined;
    const more = !full && !!info?.hasNextPage;
    after = info?.endCursor ?? after;
    // The next page is read while this one is being committed.
    if (more) {
      next = runPage(after);
      // Not awaited when this page turns out to be the last one committed (cancel, lost lease).
      next.catch(() => {});
    }
    if (chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
    const status = await commitBulkProgress(db, operation, owner, {
      data: sink.take(),
      objects: sink.objects,
      roots: sink.roots,
      checkpoint: { after },
    });
    written += sink.objects;
    if (status === null) return { status: "LOST" };
    if (full) return { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR" };
    if (status === "CANCELING") return { status: "CANCELED" };
    if (!more) return { status: "COMPLETED" };
    // This process is shutting down: the checkpoint is committed, another process carries on.
    if (stopping()) return { status: "LOST" };
  }
}
