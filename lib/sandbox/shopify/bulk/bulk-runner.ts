// The background worker for bulk operations, one per process. It claims operations nobody holds
// (FOR UPDATE SKIP LOCKED, then a lease renewed while it works), so any number of processes can
// run it on one database. An operation left RUNNING by a process that died resumes from its
// checkpoint once the lease expires; an orderly stop hands its operations back at once.
import { randomUUID } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { sandboxShopifyAppInstallations, sandboxShopifyShops } from "@/db/schema/sandbox-shopify";
import { sandboxShopifyFiles, type SandboxBulkOperation } from "@/db/schema/sandbox-shopify-bulk";
import { sandboxShopifyFaults } from "@/db/schema/sandbox-shopify-webhooks";
import type { SandboxDb } from "../sandbox-db";
import {
  BULK_LEASE_MS,
  claimBulkOperation,
  ensureResultFile,
  finishBulkOperation,
  releaseBulkLeases,
  renewBulkLease,
} from "./bulk-progress";
import { exportBulkQuery } from "./export-bulk-query";
import { importBulkMutation, type BulkRunOutcome } from "./import-bulk-mutation";

export type BulkRunner = { kick: () => void; stop: () => Promise<void> };

export type StartBulkRunnerOptions = { db: SandboxDb; owner: string; pollMs?: number; concurrency?: number };

const CLEANUP_EVERY_MS = 10 * 60 * 1000;
const LEASE_SEPARATOR = "#";

export function startBulkRunner({ db, owner, pollMs = 250, concurrency = 2 }: StartBulkRunnerOptions): BulkRunner {
  const active = new Set<Promise<void>>();
  let stopped = false;
  let ticking = false;
  let timer: NodeJS.Timeout | undefined;
  let lastCleanup = 0;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), delay);
    timer.unref();
  };

  const tick = async () => {
    if (stopped || ticking) return;
    ticking = true;
    try {
      while (!stopped && active.size < concurrency) {
        // Each claim holds its own lease: when this process's lease lapses (a blocked event loop)
        // and it claims the operation again, the first run's next commit is refused instead of
        // both runs writing the same page.
        const lease = `${owner}${LEASE_SEPARATOR}${randomUUID()}`;
        const operation = await claimBulkOperation(db, lease);
        if (!operation) break;
        const run: Promise<void> = runOperation(db, operation, lease, () => stopped)
          .catch((error: unknown) =>
            console.error("[sandbox-shopify] bulk operation", operation.id, "failed to run", error),
          )
          .finally(() => {
            active.delete(run);
            schedule(0);
          });
        active.add(run);
      }
      if (Date.now() - lastCleanup > CLEANUP_EVERY_MS) {
        lastCleanup = Date.now();
        await db.delete(sandboxShopifyFiles).where(lt(sandboxShopifyFiles.expiresAt, new Date()));
      }
    } catch (error) {
      if (!stopped) console.error("[sandbox-shopify] bulk runner", error);
    } finally {
      ticking = false;
      schedule(pollMs);
    }
  };

  schedule(0);
  return {
    kick: () => schedule(0),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...active]);
      await releaseBulkLeases(db, `${owner}${LEASE_SEPARATOR}`).catch(() => {});
    },
  };
}

async function runOperation(
  db: SandboxDb,
  operation: SandboxBulkOperation,
  owner: string,
  stopping: () => boolean,
): Promise<void> {
  if (operation.status === "CANCELING") {
    await finishBulkOperation(db, { operationId: operation.id, owner, status: "CANCELED" });
    return;
  }
  const [row] = await db
    .select({
      shop: sandboxShopifyShops,
      installation: sandboxShopifyAppInstallations,
      faults: sandboxShopifyFaults.settings,
    })
    .from(sandboxShopifyAppInstallations)
    .innerJoin(sandboxShopifyShops, eq(sandboxShopifyShops.id, sandboxShopifyAppInstallations.shopId))
    .leftJoin(sandboxShopifyFaults, eq(sandboxShopifyFaults.shopId, sandboxShopifyShops.id))
    .where(and(eq(sandboxShopifyAppInstallations.id, operation.installationId)));
  if (!row) return;
  await ensureResultFile(db, operation);
  const heartbeat = setInterval(() => void renewBulkLease(db, operation.id, owner).catch(() => {}), BULK_LEASE_MS / 3);
  heartbeat.unref();
  let outcome: BulkRunOutcome;
  try {
    const chunkDelayMs = (row.faults as { bulkChunkDelayMs?: number } | null)?.bulkChunkDelayMs ?? 0;
    const work = { db, operation, shop: row.shop, installation: row.installation, owner, stopping, chunkDelayMs };
    outcome = operation.type === "QUERY" ? await exportBulkQuery(work) : await importBulkMutation(work);
  } catch (error) {
    console.error("[sandbox-shopify] bulk operation", operation.id, "failed", error);
    outcome = { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR" };
  } finally {
    clearInterval(heartbeat);
  }
  if (outcome.status === "LOST") return;
  await finishBulkOperation(db, {
    operationId: operation.id,
    owner,
    status: outcome.status,
    errorCode: "errorCode" in outcome ? outcome.errorCode : null,
  });
}
