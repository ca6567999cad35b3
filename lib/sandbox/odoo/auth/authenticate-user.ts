// Who is calling: a login (or uid) with a password or an API key, as Odoo checks them for
// `common.authenticate` and `execute_kw` (a key works in place of the password), or a bearer key
// for JSON-2. Keys expire from 18. Successful checks are cached for a short time (Odoo caches
// them too), keyed by a hash of the secret; any change of users or keys clears this process's
// cache, other processes follow within the TTL.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { sandboxOdooApiKeys, type SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import type { OdooDb } from "../odoo-db";
import { versionProfile } from "../versions";
import { apiKeyIndex, hashApiKey, verifyPassword } from "./secrets";

export type OdooCaller = { uid: number; groups: ReadonlySet<string> };

const TTL_MS = Number(process.env.SANDBOX_ODOO_AUTH_CACHE_MS ?? 2000);
const cache = new Map<string, { at: number; caller: OdooCaller | null }>();

export function invalidateSandboxOdooAuth(): void {
  cache.clear();
}

const keyOf = (...parts: (string | number)[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex");

async function cached(key: string, load: () => Promise<OdooCaller | null>): Promise<OdooCaller | null> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.caller;
  const caller = await load();
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { at: Date.now(), caller });
  return caller;
}

async function userRow(db: OdooDb, databaseId: number, where: ReturnType<typeof sql>) {
  const result = await db.execute<{ uid: number; password_hash: string | null; groups: string[] }>(sql`
    select u.id as uid, c.password_hash, coalesce(c.groups, '{}') as groups
    from sandbox_odoo_records u
    left join sandbox_odoo_credentials c on c.database_id = u.database_id and c.uid = u.id
    where u.database_id = ${databaseId} and u.model = 'res.users' and coalesce((u.vals->>'active')::boolean, true)
      and ${where}
    limit 1`);
  return result.rows[0];
}

async function keyMatches(db: OdooDb, database: SandboxOdooDatabase, uid: number | null, secret: string) {
  const rows = await db
    .select({
      uid: sandboxOdooApiKeys.uid,
      keyHash: sandboxOdooApiKeys.keyHash,
      expiresAt: sandboxOdooApiKeys.expiresAt,
    })
    .from(sandboxOdooApiKeys)
    .where(and(eq(sandboxOdooApiKeys.databaseId, database.id), eq(sandboxOdooApiKeys.index, apiKeyIndex(secret))));
  const hash = hashApiKey(secret);
  const expiring = versionProfile(database.version).apiKeyExpiry;
  return rows.find(
    (row) =>
      row.keyHash === hash &&
      (uid === null || row.uid === uid) &&
      (!expiring || row.expiresAt === null || row.expiresAt.getTime() > Date.now()),
  );
}

async function withSecret(
  db: OdooDb,
  database: SandboxOdooDatabase,
  row: Awaited<ReturnType<typeof userRow>>,
  secret: string,
) {
  if (!row || !secret) return null;
  const ok = (await keyMatches(db, database, row.uid, secret)) || verifyPassword(secret, row.password_hash);
  return ok ? { uid: Number(row.uid), groups: new Set(row.groups) } : null;
}

/** `common.authenticate` / `common.login`: the uid for this login and password or key. */
export function authenticateLogin(db: OdooDb, database: SandboxOdooDatabase, login: string, secret: string) {
  return cached(keyOf("login", database.id, login, secret), async () =>
    withSecret(db, database, await userRow(db, database.id, sql`u.vals->>'login' = ${login}`), secret),
  );
}

/** execute_kw's (uid, password) check. */
export function authenticateUid(db: OdooDb, database: SandboxOdooDatabase, uid: number, secret: string) {
  return cached(keyOf("uid", database.id, uid, secret), async () =>
    withSecret(db, database, await userRow(db, database.id, sql`u.id = ${uid}`), secret),
  );
}

/** JSON-2's bearer key (global keys only; every sandbox key is global). */
export function authenticateBearer(db: OdooDb, database: SandboxOdooDatabase, key: string) {
  return cached(keyOf("bearer", database.id, key), async () => {
    const match = await keyMatches(db, database, null, key);
    if (!match) return null;
    const row = await userRow(db, database.id, sql`u.id = ${match.uid}`);
    return row ? { uid: Number(row.uid), groups: new Set(row.groups) } : null;
  });
}
