// Creates a bulk operation (status CREATED) for an app installation, within Shopify's 2026-01
// limit of five running operations of each type per app and shop. Counting and inserting happen
// under an advisory lock per installation and type, so two concurrent requests cannot both take
// the fifth place. The shop's "fail part-way" fault is captured on the row.
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  sandboxShopifyBulkOperations as operations,
  sandboxShopifyFiles,
  type SandboxBulkOperation,
  type SandboxBulkType,
} from "@/db/schema/sandbox-shopify-bulk";
import { sandboxShopifyFaults } from "@/db/schema/sandbox-shopify-webhooks";
import type { SandboxDb } from "../sandbox-db";

export const MAX_RUNNING_BULK_OPERATIONS = 5;
export const ACTIVE_BULK_STATUSES = ["CREATED", "RUNNING", "CANCELING"] as const;

export type CreateBulkOperationOptions = {
  db: SandboxDb;
  shopId: number;
  installationId: number;
  type: SandboxBulkType;
  query: string;
  baseUrl: string;
  inputFileId?: number | null;
  clientIdentifier?: string | null;
  /** Bulk queries: write each object's children right after it (else before it, as Shopify may). */
  groupObjects?: boolean;
};

export async function createBulkOperation(
  options: CreateBulkOperationOptions,
): Promise<SandboxBulkOperation | "limit-reached"> {
  const { db, shopId, installationId, type } = options;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sandbox-bulk:${installationId}:${type}`}))`);
    const [active] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(operations)
      .where(
        and(
          eq(operations.installationId, installationId),
          eq(operations.type, type),
          inArray(operations.status, [...ACTIVE_BULK_STATUSES]),
        ),
      );
    if ((active?.count ?? 0) >= MAX_RUNNING_BULK_OPERATIONS) return "limit-reached";
    const [faults] = await tx
      .select({ settings: sandboxShopifyFaults.settings })
      .from(sandboxShopifyFaults)
      .where(eq(sandboxShopifyFaults.shopId, shopId));
    const failAfter =
      (faults?.settings as { bulkFailAfterObjects?: number | null } | undefined)?.bulkFailAfterObjects ?? null;
    const [operation] = await tx
      .insert(operations)
      .values({
        shopId,
        installationId,
        type,
        query: options.query,
        baseUrl: options.baseUrl,
        inputFileId: options.inputFileId ?? null,
        clientIdentifier: options.clientIdentifier ?? null,
        groupObjects: options.groupObjects ?? false,
        failAfterObjects: failAfter,
      })
      .returning();
    if (options.inputFileId)
      await tx
        .update(sandboxShopifyFiles)
        .set({ consumedAt: sql`now()` })
        .where(eq(sandboxShopifyFiles.id, options.inputFileId));
    return operation!;
  });
}
