// Migration 0011's backfill of stores.connection_method, run as written against temporary tables
// that shadow `stores` and `audit_log` on one connection (the shared test database is untouched).
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { db } from "./client";

const MIGRATION = readFileSync(path.resolve("db/migrations/0011_stores_connection_method.sql"), "utf8").split(
  "--> statement-breakpoint",
);

it("fills connection_method: sandbox by kind, token when the latest connect was by token, else oauth", async () => {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`CREATE TEMP TABLE stores (LIKE public.stores INCLUDING DEFAULTS) ON COMMIT DROP`));
    await tx.execute(sql.raw(`ALTER TABLE stores DROP COLUMN connection_method`));
    await tx.execute(sql.raw(`CREATE TEMP TABLE audit_log (LIKE public.audit_log INCLUDING DEFAULTS) ON COMMIT DROP`));
    const store = (id: string, kind: string) =>
      tx.execute(
        sql`INSERT INTO stores (id, organization_id, shop_domain, kind, name, api_version) VALUES (${id}, 'org', ${`${id}.myshopify.com`}, ${kind}, ${id}, '2026-01')`,
      );
    const connected = (id: number, storeId: string, details: Record<string, unknown>) =>
      tx.execute(
        sql`INSERT INTO audit_log (id, organization_id, store_id, action, outcome, details) VALUES (${id}, 'org', ${storeId}, 'store.connected', 'succeeded', ${JSON.stringify(details)}::jsonb)`,
      );
    await store("sandbox", "sandbox");
    await connected(1, "sandbox", { kind: "sandbox", method: "sandbox" });
    await store("token", "shopify");
    await connected(2, "token", { kind: "shopify", method: "token" });
    await store("oauth", "shopify");
    await connected(3, "oauth", { kind: "shopify", method: "oauth" });
    await store("token-then-oauth", "shopify");
    await connected(4, "token-then-oauth", { kind: "shopify", method: "token" });
    await connected(5, "token-then-oauth", { kind: "shopify", method: "oauth", reconnected: true });
    await store("oauth-then-token", "shopify");
    await connected(6, "oauth-then-token", { kind: "shopify", method: "oauth" });
    await connected(7, "oauth-then-token", { kind: "shopify", method: "token", reconnected: true });
    await store("no-audit", "shopify");
    for (const statement of MIGRATION) await tx.execute(sql.raw(statement));
    const rows = await tx.execute<{ id: string; connection_method: string }>(
      sql.raw(`SELECT id, connection_method FROM stores ORDER BY id`),
    );
    return Object.fromEntries(rows.rows.map((row) => [row.id, row.connection_method]));
  });
  expect(result).toEqual({
    sandbox: "sandbox",
    token: "token",
    oauth: "oauth",
    "token-then-oauth": "oauth",
    "oauth-then-token": "token",
    "no-audit": "oauth",
  });
});
