// The bulk operation row as a work item: claimed by one process at a time under a lease, its
// result committed chunk by chunk together with the counters and checkpoint that chunk stands for,
// and finished (with the bulk_operations/finish webhook) in one transaction.
import { and, eq, sql } from "drizzle-orm";
import {
  sandboxShopifyBulkOperations as operations,
  type SandboxBulkCheckpoint,
  type SandboxBulkOperation,
  type SandboxBulkStatus,
} from "@/db/schema/sandbox-shopify-bulk";
import { createSandboxFile, appendSandboxFileChunk } from "../files/sandbox-file-store";
import { onSandboxChange } from "../on-sandbox-change";
import type { SandboxDb } from "../sandbox-db";
import { bulkOperationPayload } from "../webhook-payloads";

/** How long a claim holds without a heartbeat; a crashed process's operations resume after it. */
export const BULK_LEASE_MS = 5000;

/** Claims the oldest operation nobody holds: CREATED ones start RUNNING, RUNNING ones resume. */
export async function claimBulkOperation(db: SandboxDb, owner: string): Promise<SandboxBulkOperation | null> {
  const result = await db.execute<{ id: number }>(sql`
    with next as (
      select id from sandbox_shopify_bulk_operations
      where status in ('CREATED', 'RUNNING', 'CANCELING') and (lease_expires_at is null or lease_expires_at < clock_timestamp())
      order by id limit 1 for update skip locked
    )
    update sandbox_shopify_bulk_operations as op
    set status = case when op.status = 'CREATED' then 'RUNNING' else op.status end,
        lease_owner = ${owner},
        lease_expires_at = clock_timestamp() + ${`${BULK_LEASE_MS} milliseconds`}::interval,
        updated_at = clock_timestamp()
    from next where op.id = next.id
    returning op.id`);
  const id = result.rows[0]?.id;
  if (id === undefined) return null;
  const [operation] = await db
    .select()
    .from(operations)
    .where(eq(operations.id, Number(id)));
  return operation ?? null;
}

/** The result file, created on first use (a resumed operation keeps appending to its own). */
export async function ensureResultFile(db: SandboxDb, operation: SandboxBulkOperation): Promise<number> {
  if (operation.resultFileId) return operation.resultFileId;
  return db.transaction(async (tx) => {
    const file = await createSandboxFile({
      db: tx,
      shopId: operation.shopId,
      purpose: "bulk_result",
      filename: `bulk-${operation.id}.jsonl`,
      contentType: "application/jsonl",
    });
    await tx.update(operations).set({ resultFileId: file.id }).where(eq(operations.id, operation.id));
    operation.resultFileId = file.id;
    return file.id;
  });
}

export type ProgressStep = { data: Buffer; objects: number; roots: number; checkpoint: SandboxBulkCheckpoint };

/**
 * Commits one step: the chunk, the counters and the checkpoint, and renews the lease. Returns the
 * operation's status ("CANCELING" asks the worker to stop), or null when the lease was lost.
 */
export async function commitBulkProgress(
  db: SandboxDb,
  operation: SandboxBulkOperation,
  owner: string,
  step: ProgressStep,
): Promise<SandboxBulkStatus | null> {
  return db.transaction(async (tx) => {
    // Sandbox results need not survive a power cut; a lost commit loses its chunk and checkpoint together.
    await tx.execute(sql`set local synchronous_commit = off`);
    const [row] = await tx
      .update(operations)
      .set({
        objectCount: sql`${operations.objectCount} + ${step.objects}`,
        rootObjectCount: sql`${operations.rootObjectCount} + ${step.roots}`,
        checkpoint: step.checkpoint,
        leaseExpiresAt: sql`clock_timestamp() + ${`${BULK_LEASE_MS} milliseconds`}::interval`,
        updatedAt: sql`clock_timestamp()`,
      })
      .where(and(eq(operations.id, operation.id), eq(operations.leaseOwner, owner)))
      .returning({ status: operations.status });
    if (!row) return null;
    await appendSandboxFileChunk(tx, { fileId: operation.resultFileId!, data: step.data });
    return row.status;
  });
}

/** Keeps the lease while a long step runs; false when another process took the operation. */
export async function renewBulkLease(db: SandboxDb, operationId: number, owner: string): Promise<boolean> {
  const rows = await db
    .update(operations)
    .set({ leaseExpiresAt: sql`clock_timestamp() + ${`${BULK_LEASE_MS} milliseconds`}::interval` })
    .where(and(eq(operations.id, operationId), eq(operations.leaseOwner, owner)))
    .returning({ id: operations.id });
  return rows.length > 0;
}

export type FinishOptions = {
  operationId: number;
  owner: string | null;
  status: "COMPLETED" | "FAILED" | "CANCELED";
  errorCode?: string | null;
};

/** Ends an operation and queues bulk_operations/finish for its app, in one transaction. */
export async function finishBulkOperation(
  db: SandboxDb,
  { operationId, owner, status, errorCode = null }: FinishOptions,
): Promise<SandboxBulkOperation | null> {
  return db.transaction(async (tx) => {
    const [finished] = await tx
      .update(operations)
      .set({
        status,
        errorCode,
        completedAt: sql`now()`,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: sql`clock_timestamp()`,
      })
      .where(
        and(
          eq(operations.id, operationId),
          // Without a lease only an operation nobody started may be ended (a cancel before it runs).
          owner === null ? eq(operations.status, "CREATED") : eq(operations.leaseOwner, owner),
        ),
      )
      .returning();
    if (!finished) return null;
    await onSandboxChange({
      shopId: finished.shopId,
      topic: "bulk_operations/finish",
      payload: bulkOperationPayload(finished),
      tx,
      installationId: finished.installationId,
    });
    return finished;
  });
}

/**
 * Hands this process's operations back at once (an orderly shutdown), so another resumes them:
 * every lease whose owner starts with `ownerPrefix`.
 */
export async function releaseBulkLeases(db: SandboxDb, ownerPrefix: string): Promise<void> {
  await db
    .update(operations)
    .set({ leaseExpiresAt: sql`clock_timestamp()` })
    .where(sql`left(${operations.leaseOwner}, ${ownerPrefix.length}::int) = ${ownerPrefix}`);
}
