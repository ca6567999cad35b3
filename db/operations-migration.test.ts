// Migration 0014's move of the old state onto operation runs, run as written against temporary
// tables that shadow `stores`, `shopify_index_status` and `operation_runs` on one connection (the
// shared test database is untouched): the last refresh of each store (its start stays "last
// refreshed", its counts "imported"), and sandbox seeding under way or failed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { db } from "./client";

const MOVES = readFileSync(path.resolve("db/migrations/0014_operations.sql"), "utf8")
  .split("--> statement-breakpoint")
  .filter((statement) => statement.includes("INSERT INTO operation_runs"));

it("turns index states and seed statuses into runs: finished ones as they ended, work under way queued for the guard", async () => {
  expect(MOVES).toHaveLength(2);
  const runs = await db.transaction(async (tx) => {
    const run = (statement: string) => tx.execute(sql.raw(statement));
    await run(`CREATE TEMP TABLE stores (LIKE public.stores INCLUDING DEFAULTS) ON COMMIT DROP`);
    await run(`ALTER TABLE stores ADD COLUMN seed_status text`);
    await run(`CREATE TEMP TABLE operation_runs (LIKE public.operation_runs INCLUDING ALL) ON COMMIT DROP`);
    await run(`CREATE TEMP TABLE shopify_index_status (
      store_id text primary key, state text not null, job_id text, requested_at timestamptz, started_at timestamptz,
      finished_at timestamptz, refreshed_at timestamptz, last_error text, imported jsonb, updated_at timestamptz not null default now()
    ) ON COMMIT DROP`);
    const store = (id: string, kind: string, seed: string | null, size: string | null) =>
      run(`INSERT INTO stores (id, organization_id, shop_domain, kind, connection_method, name, api_version, sandbox_size, seed_status)
           VALUES ('${id}', 'org', '${id}.myshopify.com', '${kind}', '${kind === "sandbox" ? "sandbox" : "token"}', '${id}', '2026-01', ${size ? `'${size}'` : "null"}, ${seed ? `'${seed}'` : "null"})`);
    await store("refreshed", "shopify", null, null);
    await store("refresh-failed", "shopify", null, null);
    await store("refreshing", "shopify", null, null);
    await store("never", "shopify", null, null);
    await store("seeding", "sandbox", "seeding", "medium");
    await store("seed-failed", "sandbox", "failed", "large");
    await store("seeded", "sandbox", "ready", "medium");
    await run(`INSERT INTO shopify_index_status (store_id, state, requested_at, started_at, finished_at, refreshed_at, last_error, imported) VALUES
      ('refreshed', 'succeeded', '2026-01-01T10:00:00Z', '2026-01-01T10:00:01Z', '2026-01-01T10:00:09Z', '2026-01-01T10:00:01Z', null, '{"product": 5, "order": 9}'),
      ('refresh-failed', 'failed', '2026-01-02T10:00:00Z', '2026-01-02T10:00:01Z', '2026-01-02T10:00:03Z', null, 'Shopify said no', null),
      ('refreshing', 'running', '2026-01-03T10:00:00Z', '2026-01-03T10:00:01Z', null, null, null, null),
      ('never', 'never', null, null, null, null, null, null)`);
    for (const statement of MOVES) await run(statement);
    const { rows } = await tx.execute<Record<string, unknown>>(
      sql.raw(
        `SELECT store_id, kind, status, exclusive, counters, scope, error, started_at, finished_at, job_id FROM operation_runs ORDER BY store_id, kind`,
      ),
    );
    return rows;
  });
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
  expect(runs.map((run) => ({ ...run, started_at: iso(run.started_at), finished_at: iso(run.finished_at) }))).toEqual([
    {
      store_id: "refresh-failed",
      kind: "index_refresh",
      status: "failed",
      exclusive: false,
      counters: {},
      scope: {},
      error: "Shopify said no",
      started_at: "2026-01-02T10:00:01.000Z",
      finished_at: "2026-01-02T10:00:03.000Z",
      job_id: null,
    },
    {
      store_id: "refreshed",
      kind: "index_refresh",
      status: "succeeded",
      exclusive: false,
      counters: { product: { planned: null, done: 5, failed: 0 }, order: { planned: null, done: 9, failed: 0 } },
      scope: {},
      error: null,
      started_at: "2026-01-01T10:00:01.000Z",
      finished_at: "2026-01-01T10:00:09.000Z",
      job_id: null,
    },
    {
      store_id: "refreshing",
      kind: "index_refresh",
      status: "queued",
      exclusive: false,
      counters: {},
      scope: {},
      error: null,
      started_at: "2026-01-03T10:00:01.000Z",
      finished_at: null,
      job_id: null,
    },
    {
      store_id: "seed-failed",
      kind: "seed",
      status: "failed",
      exclusive: false,
      counters: {},
      scope: { size: "large" },
      error: "The sample data could not be created",
      started_at: null,
      finished_at: expect.any(String),
      job_id: null,
    },
    {
      store_id: "seeding",
      kind: "seed",
      status: "queued",
      exclusive: false,
      counters: {},
      scope: { size: "medium" },
      error: null,
      started_at: null,
      finished_at: null,
      job_id: null,
    },
  ]);
});
