// The database handle sandbox services take: the shared pool or a transaction, so a resolver can
// run several services in one transaction and tests can pass their own.
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import type * as schema from "@/db/schema";

export type SandboxDb = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export const defaultSandboxDb: SandboxDb = db;
