// Re-encrypts every stored credential with the current key. Rows already under the current key
// are skipped, each row is its own short update guarded by the key id it was read with, and the
// scan walks ids in order — so the run is idempotent, safe beside a live app, and resumable
// after an interruption by simply running it again.
import { and, asc, eq, gt, isNotNull, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { stores } from "@/db/schema/stores";
import { encryptionKeys } from "@/lib/crypto/encryption-keys";
import { decryptCredentials, encryptCredentials } from "./store-credentials";

export type RotationReport = {
  keyId: string;
  rotated: number;
  alreadyCurrent: number;
  failed: { storeId: string; reason: string }[];
};

type Options = {
  batchSize?: number;
  log?: (line: string) => void;
  /** Only this organization's stores (default: all). */ organizationId?: string;
};

export async function rotateCredentialsKey({
  batchSize = 100,
  log = () => {},
  organizationId,
}: Options = {}): Promise<RotationReport> {
  const current = encryptionKeys().current.id;
  const report: RotationReport = { keyId: current, rotated: 0, alreadyCurrent: 0, failed: [] };
  let after = "";
  for (;;) {
    const batch = await db
      .select({ id: stores.id, ciphertext: stores.credentialsCiphertext, keyId: stores.credentialsKeyId })
      .from(stores)
      .where(
        and(
          gt(stores.id, after),
          isNotNull(stores.credentialsCiphertext),
          organizationId ? eq(stores.organizationId, organizationId) : undefined,
        ),
      )
      .orderBy(asc(stores.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.keyId === current) {
        report.alreadyCurrent++;
        continue;
      }
      try {
        const credentials = decryptCredentials(row.id, { ciphertext: row.ciphertext!, keyId: row.keyId! });
        const updated = await db
          .update(stores)
          .set(encryptCredentials(row.id, credentials))
          .where(
            and(eq(stores.id, row.id), eq(stores.credentialsKeyId, row.keyId!), ne(stores.credentialsKeyId, current)),
          )
          .returning({ id: stores.id });
        // Zero rows: the app re-saved (or removed) these credentials meanwhile, already with the current key.
        if (updated.length) report.rotated++;
        else report.alreadyCurrent++;
      } catch (error) {
        report.failed.push({ storeId: row.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    after = batch[batch.length - 1]!.id;
    log(`re-encrypted ${report.rotated}, already current ${report.alreadyCurrent}, failed ${report.failed.length}`);
  }
  return report;
}
