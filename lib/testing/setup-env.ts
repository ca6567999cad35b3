import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.SYNCO_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.SYNCO_APP_URL ??= "http://localhost:3000";

// Each test file queues and works its jobs in a pg-boss schema of its own: the workers a file
// starts (in process, or the `npm run worker` it spawns) must never pick up a job another file's
// test queued — it would run against that file's stores and its test server, at a time neither expects.
const jobsSchema = `pgboss_test_${randomBytes(6).toString("hex")}`;
process.env.SYNCO_JOBS_SCHEMA = jobsSchema;

// Every file's job queue is stopped here (files need no afterAll of their own for it), then its
// schema dropped; this runs after the file's own afterAll hooks.
afterAll(async () => {
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopBoss();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${client.escapeIdentifier(jobsSchema)} cascade`);
  } finally {
    await client.end();
  }
});
