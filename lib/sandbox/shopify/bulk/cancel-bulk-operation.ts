import { and, eq } from "drizzle-orm";
import {
  sandboxShopifyBulkOperations as operations,
  type SandboxBulkOperation,
} from "@/db/schema/sandbox-shopify-bulk";
import type { SandboxDb } from "../sandbox-db";
import { finishBulkOperation } from "./bulk-progress";

export type CancelBulkOperationResult = { operation: SandboxBulkOperation | null; error: string | null };

/**
 * bulkOperationCancel: an operation not started yet is CANCELED at once; a running one becomes
 * CANCELING and its worker stops at the next chunk (Shopify: "a short delay"). Finished operations
 * cannot be canceled. Only the app's own operations are visible.
 */
export async function cancelBulkOperation({
  db,
  installationId,
  operationId,
}: {
  db: SandboxDb;
  installationId: number;
  operationId: number;
}): Promise<CancelBulkOperationResult> {
  const mine = and(eq(operations.id, operationId), eq(operations.installationId, installationId));
  const [current] = await db.select().from(operations).where(mine);
  if (!current) return { operation: null, error: "Bulk operation does not exist" };
  if (current.status === "CREATED") {
    const canceled = await finishBulkOperation(db, { operationId, owner: null, status: "CANCELED" });
    if (canceled) return { operation: canceled, error: null };
  }
  const [canceling] = await db
    .update(operations)
    .set({ status: "CANCELING" })
    .where(and(mine, eq(operations.status, "RUNNING")))
    .returning();
  if (canceling) return { operation: canceling, error: null };
  const [now] = await db.select().from(operations).where(mine);
  if (now?.status === "CANCELING") return { operation: now, error: null };
  // Best guess at Shopify's wording.
  return {
    operation: now ?? current,
    error: `A bulk operation cannot be canceled when it is ${(now ?? current).status.toLowerCase()}`,
  };
}
