// Re-encrypts every stored credential with the current key. Rows already under the current key
// are skipped, each row is its own short update guarded by the key id it was read with, and the
// scan walks ids in order — so the run is idempotent, safe beside a live app, and resumable
// after an interruption by simply running it again.
import { and, asc, eq, gt, isNotNull, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { stores } from "@/db/schema/stores";
import { encryptionKeys } from "@/lib/crypto/encryption-keys";
import { openOdooApiKey, sealOdooApiKey } from "./odoo/odoo-connection-secret";
import { decryptCredentials, encryptCredentials } from "./store-credentials";

export type RotationReport = {
  keyId: string;
  rotated: number;
  alreadyCurrent: number;
  failed: { storeId: string; reason: string }[];
  /** The stores' Odoo API keys (store_odoo_connections), the same way. */
  odooApiKeys: { rotated: number; alreadyCurrent: number; failed: { storeId: string; reason: string }[] };
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
  const report: RotationReport = {
    keyId: current,
    rotated: 0,
    alreadyCurrent: 0,
    failed: [],
    odooApiKeys: { rotated: 0, alreadyCurrent: 0, failed: [] },
  };
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
  await rotateOdooApiKeys({ current, batchSize, log, organizationId, report: report.odooApiKeys });
  return report;
}

async function rotateOdooApiKeys({
  current,
  batchSize,
  log,
  organizationId,
  report,
}: Required<Omit<Options, "organizationId">> & {
  organizationId?: string;
  current: string;
  report: RotationReport["odooApiKeys"];
}) {
  const table = storeOdooConnections;
  let after = "";
  for (;;) {
    const batch = await db
      .select()
      .from(table)
      .where(and(gt(table.storeId, after), organizationId ? eq(table.organizationId, organizationId) : undefined))
      .orderBy(asc(table.storeId))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.apiKeyKeyId === current) {
        report.alreadyCurrent++;
        continue;
      }
      try {
        const updated = await db
          .update(table)
          .set(sealOdooApiKey(row.storeId, openOdooApiKey(row)))
          .where(
            and(eq(table.storeId, row.storeId), eq(table.apiKeyKeyId, row.apiKeyKeyId), ne(table.apiKeyKeyId, current)),
          )
          .returning({ id: table.storeId });
        if (updated.length) report.rotated++;
        else report.alreadyCurrent++;
      } catch (error) {
        report.failed.push({ storeId: row.storeId, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    after = batch[batch.length - 1]!.storeId;
    log(
      `Odoo API keys: re-encrypted ${report.rotated}, already current ${report.alreadyCurrent}, failed ${report.failed.length}`,
    );
  }
}
