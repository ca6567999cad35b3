// The database handle sandbox Odoo services take: the shared pool or a transaction.
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import type * as schema from "@/db/schema";

export type OdooDb = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export const defaultOdooDb: OdooDb = db;
