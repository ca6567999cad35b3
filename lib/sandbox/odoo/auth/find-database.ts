// The sandbox database a request names, cached briefly (every call looks it up).
import { eq } from "drizzle-orm";
import { sandboxOdooDatabases, type SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import type { OdooDb } from "../odoo-db";

const TTL_MS = 2000;
const cache = new Map<string, { at: number; database: SandboxOdooDatabase | null }>();

export async function findDatabase(db: OdooDb, name: string): Promise<SandboxOdooDatabase | null> {
  const hit = cache.get(name);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.database;
  const [database] = await db.select().from(sandboxOdooDatabases).where(eq(sandboxOdooDatabases.name, name));
  cache.set(name, { at: Date.now(), database: database ?? null });
  return database ?? null;
}

export function forgetDatabase(name?: string): void {
  if (name === undefined) cache.clear();
  else cache.delete(name);
}
