// The process's database: one pool, opened on first use. Server code only — the import below
// fails the build of any browser bundle that would reach it.
import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "./handle";
import * as schema from "./schema";

type Handle = { pool: pg.Pool; db: NodePgDatabase<typeof schema> };

// One pool per process; kept on globalThis so Next's dev reloads do not open a new pool each time.
const holder = globalThis as unknown as { __syncoDb?: Handle };

function connect(): Handle {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded PostgreSQL");
  }
  const pool = new pg.Pool({ connectionString, max: Number(process.env.SYNCO_DB_POOL_SIZE ?? 10) });
  // A connection the server ends (a restart, a failover, pg_terminate_backend) emits `error` on its
  // client. The pool listens only while the client is idle; checked out — a transaction between two
  // statements — nothing would, and the event would end the process. Every client listens for good:
  // the work on it fails with the next statement, and the pool drops it when it comes back.
  pool.on("connect", (client) =>
    client.on("error", (err) => console.error(`PostgreSQL connection ended: ${err.message}`)),
  );
  // Idle clients: already said by the client's own listener above.
  pool.on("error", () => {});
  return { pool, db: drizzle(pool, { schema }) };
}

function handle(): Handle {
  holder.__syncoDb ??= connect();
  return holder.__syncoDb;
}

/** The Drizzle database; the pool opens on first use. */
export const db: Db = new Proxy({} as Db, {
  get: (_target, prop) => Reflect.get(handle().db, prop, handle().db),
});

export const pool = (): pg.Pool => handle().pool;

export async function closeDb(): Promise<void> {
  const current = holder.__syncoDb;
  holder.__syncoDb = undefined;
  await current?.pool.end();
}
