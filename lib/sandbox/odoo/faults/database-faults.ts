// A database's faults, read on every request and so cached briefly; setting them clears this
// process's cache (other processes follow within the TTL).
import { eq, sql } from "drizzle-orm";
import { sandboxOdooFaults } from "@/db/schema/sandbox-odoo";
import { defaultOdooDb, type OdooDb } from "../odoo-db";
import { ZSandboxOdooFaultsInput, type SandboxOdooFaults, type TSandboxOdooFaultsInput } from "./sandbox-odoo-faults";

const TTL_MS = 2000;
const cache = new Map<number, { at: number; faults: SandboxOdooFaults | null; version: string }>();

export async function databaseFaults(db: OdooDb, databaseId: number) {
  const hit = cache.get(databaseId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit;
  const [row] = await db.select().from(sandboxOdooFaults).where(eq(sandboxOdooFaults.databaseId, databaseId));
  const entry = {
    at: Date.now(),
    faults: row ? (row.settings as SandboxOdooFaults) : null,
    version: row ? row.updatedAt.toISOString() : "",
  };
  cache.set(databaseId, entry);
  return entry;
}

/** Replaces a database's faults (null clears them). */
export async function setSandboxOdooFaults({
  databaseId,
  faults,
  db = defaultOdooDb,
}: {
  databaseId: number;
  faults: TSandboxOdooFaultsInput | null;
  db?: OdooDb;
}): Promise<SandboxOdooFaults | null> {
  cache.delete(databaseId);
  if (faults === null) {
    await db.delete(sandboxOdooFaults).where(eq(sandboxOdooFaults.databaseId, databaseId));
    return null;
  }
  const settings = ZSandboxOdooFaultsInput.parse(faults);
  await db
    .insert(sandboxOdooFaults)
    .values({ databaseId, settings })
    .onConflictDoUpdate({ target: sandboxOdooFaults.databaseId, set: { settings, updatedAt: sql`clock_timestamp()` } });
  cache.delete(databaseId);
  return settings;
}
