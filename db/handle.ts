// The one type for "a database handle": the pool-backed database or a transaction opened on it.
// Services take it as `db` (or `tx`) so a caller can run several of them in one transaction and
// tests can pass their own; a service that must be atomic opens its own transaction on it.
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Db = PgDatabase<NodePgQueryResultHKT, typeof schema>;
