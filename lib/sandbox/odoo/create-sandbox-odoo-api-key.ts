// Provisioning: an API key for a user (Preferences → Account Security → New API Key), shown once.
// Keys expire from Odoo 18 (`expiresAt`); 16 and 17 keys never do.
import { eq } from "drizzle-orm";
import { sandboxOdooApiKeys, sandboxOdooDatabases } from "@/db/schema/sandbox-odoo";
import { invalidateSandboxOdooAuth } from "./auth/authenticate-user";
import { apiKeyIndex, hashApiKey, newApiKey } from "./auth/secrets";
import { defaultOdooDb, type OdooDb } from "./odoo-db";

export async function createSandboxOdooApiKey({
  databaseId,
  uid,
  name,
  expiresAt,
  db = defaultOdooDb,
}: {
  databaseId: number;
  uid: number;
  name: string;
  expiresAt?: Date;
  db?: OdooDb;
}): Promise<string> {
  const [database] = await db.select().from(sandboxOdooDatabases).where(eq(sandboxOdooDatabases.id, databaseId));
  if (!database) throw new Error(`sandbox Odoo database ${databaseId} does not exist`);
  if (expiresAt && database.version < 18) throw new Error(`Odoo ${database.version} API keys do not expire`);
  const key = newApiKey();
  await db
    .insert(sandboxOdooApiKeys)
    .values({ databaseId, uid, name, index: apiKeyIndex(key), keyHash: hashApiKey(key), expiresAt });
  invalidateSandboxOdooAuth();
  return key;
}
