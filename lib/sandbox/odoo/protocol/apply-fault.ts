// Faults on demand, before a call runs: latency, then maybe a 5xx or 429 page, a dropped
// connection, or Odoo's concurrency error (which each protocol reports in its own shape).
import type { SandboxOdooDatabase } from "@/db/schema/sandbox-odoo";
import { logCall } from "../call-log";
import { databaseFaults } from "../faults/database-faults";
import { decideOdooFault } from "../faults/sandbox-odoo-faults";
import { OdooException } from "../odoo-exceptions";
import type { OdooDb } from "../odoo-db";
import { htmlError, resetResponse } from "./responses";

const TITLES: Record<number, string> = {
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export const concurrencyError = () =>
  new OdooException("psycopg2.errors.SerializationFailure", "could not serialize access due to concurrent update\n");

export async function applyFault(
  db: OdooDb,
  database: SandboxOdooDatabase,
  protocol: string,
  target: string,
): Promise<Response | OdooException | null> {
  const { faults, version } = await databaseFaults(db, database.id);
  if (!faults) return null;
  const fault = decideOdooFault(database.id, faults, version);
  if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  const { outcome } = fault;
  if (outcome.kind === "none") return null;
  if (outcome.kind === "concurrency") return concurrencyError();
  const status = outcome.kind === "reset" ? 0 : outcome.status;
  logCall(db, {
    databaseId: database.id,
    protocol,
    target,
    uid: null,
    status,
    error: `fault:${outcome.kind === "reset" ? "reset" : status}`,
    durationMs: fault.latencyMs,
  });
  if (outcome.kind === "reset") return resetResponse();
  const headers: Record<string, string> =
    outcome.retryAfterSeconds !== undefined ? { "retry-after": String(outcome.retryAfterSeconds) } : {};
  return htmlError(
    outcome.status,
    TITLES[outcome.status] ?? "Server Error",
    "The sandbox Odoo answered with a fault on demand.",
    headers,
  );
}
