// The process's pool when the server ends a connection that is checked out (a restart, a failover,
// an administrator's pg_terminate_backend): the work on it fails, the process does not.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { db, pool } from "./client";

it("a connection the server ends while it is checked out fails its next statement, not the process", async () => {
  // Checked out as a transaction holds it, between two statements, with nothing in flight on it:
  // node-postgres reports the end as an `error` event on the client.
  const client = await pool().connect();
  const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
  const ended = new Promise((resolve) => client.once("end", resolve));
  await pool().query("select pg_terminate_backend($1)", [rows[0]!.pid]);
  await ended;
  await expect(client.query("select 1")).rejects.toThrow();
  client.release(true);
  // The pool serves on with a live connection.
  expect((await db.execute<{ one: number }>(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
});
