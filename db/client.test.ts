// The process's pool when the server ends a connection that is checked out (a restart, a failover,
// an administrator's pg_terminate_backend): the work on it fails, the process does not.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { db, pool } from "./client";

it("a connection the server ends inside a transaction fails that transaction, not the process", async () => {
  const ended = db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    // Ended between two statements, while the transaction holds the connection and nothing is in
    // flight on it: node-postgres reports that as an `error` event on the client.
    await pool().query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await tx.execute(sql`select 1`);
  });
  await expect(ended).rejects.toThrow();
  // The ended connection left the pool: the next work gets a live one.
  expect((await db.execute<{ one: number }>(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
});
