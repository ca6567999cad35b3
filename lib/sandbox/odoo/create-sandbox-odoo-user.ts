// Provisioning: a user of a sandbox Odoo database with its access groups (and its partner, as
// Odoo creates one per user), optionally a password, and an API key returned once.
import { sandboxOdooCredentials } from "@/db/schema/sandbox-odoo";
import { invalidateSandboxOdooAuth } from "./auth/authenticate-user";
import { findDatabase } from "./auth/find-database";
import { hashPassword } from "./auth/secrets";
import { createSandboxOdooApiKey } from "./create-sandbox-odoo-api-key";
import { seedEnv } from "./create-sandbox-odoo-database";
import { defaultOdooDb, type OdooDb } from "./odoo-db";
import { ALL_GROUPS, type SandboxOdooGroup } from "./orm/access";
import { createRecords } from "./orm/records";

export async function createSandboxOdooUser({
  databaseName,
  login,
  name = login,
  password,
  groups,
  apiKeyExpiresAt,
  db = defaultOdooDb,
}: {
  databaseName: string;
  login: string;
  name?: string;
  password?: string;
  groups: SandboxOdooGroup[];
  apiKeyExpiresAt?: Date;
  db?: OdooDb;
}): Promise<{ uid: number; apiKey: string }> {
  const database = await findDatabase(db, databaseName);
  if (!database) throw new Error(`sandbox Odoo database ${databaseName} does not exist`);
  for (const group of groups) if (!ALL_GROUPS.includes(group)) throw new Error(`unknown group ${group}`);
  const uid = await db.transaction(async (tx) => {
    const env = seedEnv(tx, database);
    const [partnerId] = await createRecords(env, env.registry.models.get("res.partner")!, [
      { name, email: login.includes("@") ? login : false },
    ]);
    const [uid] = await createRecords(env, env.registry.models.get("res.users")!, [
      { name, login, partner_id: partnerId },
    ]);
    await tx.insert(sandboxOdooCredentials).values({
      databaseId: database.id,
      uid: uid!,
      passwordHash: password ? hashPassword(password) : null,
      groups: [...new Set(["base.group_user", ...groups])],
    });
    return uid!;
  });
  invalidateSandboxOdooAuth();
  const apiKey = await createSandboxOdooApiKey({
    databaseId: database.id,
    uid,
    name: `${login} key`,
    expiresAt: apiKeyExpiresAt,
    db,
  });
  return { uid, apiKey };
}
